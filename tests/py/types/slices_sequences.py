s = "0123456789"
t = tuple(range(10))
l = list(range(10))
print(l[::2], l[1::3], l[::-1], l[8:2:-2], l[-3:], l[2:-2], l[20:30])
print(t[2:5], t[-2:], t[:0], t[3:1])
print(s[2:8], s[-4:], s[:-7], s[5:50])
print(l[-100:100] == l, t[:] is t or t[:] == t, s[:] == s)
