x = 10
x += 5
x -= 3
x *= 2
x //= 5
x **= 3
x %= 7
print(x)
y = 6
y <<= 2
y >>= 1
y |= 1
y &= 0b1110
y ^= 0xF
print(y)
s = "a"
s += "b"
s *= 3
print(s)
lst = [1]
alias = lst
lst += [2]
lst *= 2
print(lst, alias is lst)
d = {"k": 1}
d["k"] += 10
print(d)


class Box:
    v = 1


b = Box()
b.v += 1
print(b.v, Box.v)
f = 1.5
f /= 2
print(f)
