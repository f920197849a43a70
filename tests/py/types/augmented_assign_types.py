s = "a"
s += "b"
s *= 2
l = [1]
alias = l
l += [2]
l *= 2
t = (1,)
t_alias = t
t += (2,)
print(s, l, t, t_alias)
n = 10
n <<= 2
n >>= 1
n |= 1
n &= 0xF
n ^= 3
print(n)
f = 2.0
f **= 3
f /= 4
f //= 1
print(f)
