print("ab" + "cd", "ab" * 3, 3 * "x", "" * 5, "ab" * 0, "ab" * -1)
print("a" < "b", "abc" < "abd", "ab" < "abc", "B" < "a", "abc" == "abc", "a" != "A")
print("bc" in "abcd", "x" in "abc", "" in "abc", "ab" not in "ba")
s = "x"
s += "y"
s *= 2
print(s, max("hello"), min("hello"), sorted("cab"))
print(len("a\tb"), "tab\there", "quote\"inside", 'single\'quote')
print(str(1) + "a", "%s" % 1 + "b")
try:
    "a" + 1
except TypeError:
    print("TypeError")
