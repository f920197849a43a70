s = "abcdefgh"
print(s[0], s[-1], s[2:5], s[:3], s[5:], s[-3:], s[:-3])
print(s[100:], s[-100:2], s[5:2], repr(s[3:3]))
print("héllo"[1], "héllo"[1:3], len("héllo"))
try:
    s[20]
except IndexError:
    print("IndexError")
