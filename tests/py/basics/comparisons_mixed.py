print(1 == 1.0, 1 < 1.5, 2**70 > 1e20, 2**70 < 1e22, -(2**70) < -1.5)
print("a" == "a", "a" != "b", "abc" < "abd", "Z" < "a", "" < "a")
print([1, 2] == [1, 2], [1, 2] != (1, 2), (1, 2) == (1, 2))
print(None == None, None != 0, [] == False)
print(1 == "1", 0 == "", [] == ())
try:
    print(1 < "1")
except TypeError:
    print("TypeError: int < str")
try:
    print(None < 1)
except TypeError:
    print("TypeError: None < int")
