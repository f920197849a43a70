s = "hello world hello"
print(s.find("hello"), s.find("world"), s.find("xyz"), s.find("hello", 1), s.find("o", 5, 8))
print(s.rfind("hello"), s.rfind("o"), s.rfind("xyz"), s.rfind("o", 0, 5), s.find(""))
print(s.index("world"), s.rindex("l"), s.find("l", -5), s.rfind("", 3))
for method in (s.index, s.rindex):
    try:
        method("zzz")
    except ValueError:
        print("ValueError")
print(b"abcabc".find(b"c"), b"abcabc".rfind(b"c"), b"abc".find(b"z"))
print("aaa".find("aa"), "aaa".rfind("aa"), "".find(""), "abc".find("c", 10))
