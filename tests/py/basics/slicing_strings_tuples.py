s = "abcdefgh"
t = (1, 2, 3, 4, 5)
print(s[2:5], s[:-2], s[-3:], t[1:3], t[:0], t[3:])
print(t[-2:], t[:-2], t[1:-1])
print(s[1:100], s[-100:3], repr(s[5:1]))
print(b"bytes"[1:3], bytearray(b"xyz")[1:])
