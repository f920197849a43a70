# Instructions that touch only the frame run in an inner loop; at its edges
# the general loop takes over: small-int results that overflow into big
# ints, floor division and modulo with every sign, division by zero, shifts
# by negative counts, `is`, truth of small ints, ranges near the small-int
# limits and with negative steps, and an unbound local read in a loop.
big = 2**30 - 1
small = -2**30
print(big + 1, small - 1, big * 2, small * small, big * -1, (big + 1) - 1)
x = big
x += 1
print(x)
y = small
y -= 1
print(y)
for a in (7, -7, 0, big, small):
    for b in (3, -3, 1, -1):
        print(a, b, a // b, a % b, a & b, a | b, a ^ b)
for a in (7, -7):
    try:
        print(a // 0)
    except ZeroDivisionError:
        print("ZeroDivisionError //")
    try:
        print(a % 0)
    except ZeroDivisionError:
        print("ZeroDivisionError %")
print(5 >> 1, -5 >> 1, 5 >> 40, -5 >> 40, 1 >> 0)
try:
    print(5 >> -1)
except ValueError as e:
    print("ValueError", e)
a = [1]
b = [1]
print(a is a, a is b, None is None, 3 is 3)
n = 0
total = 0
while n - 5:
    n += 1
    total += n
print(n, total)
print(0 or 7, 3 or 7, 0 and 7, 3 and 7)
count = 0
for i in range(big - 3, big):
    count += 1
for i in range(small + 3, small, -1):
    count += 1
for i in range(10, 0, -3):
    count += i
for i in range(0):
    count += 100
print(count)
def unbound(flag):
    for i in range(3):
        if flag and i == 2:
            print(value)
        value = i
    return value
print(unbound(False))
def unbound2():
    print(late)
    late = 1
try:
    unbound2()
except NameError as e:
    print("NameError")
t = 0
for i in range(1000):
    t = (t * 31 + i) % 1000003
print(t)
# Interned strings: equality by identity, order by bytes, next to strings
# made at run time.
words = ["b", "a", "ab", "", "é", "abc", "b"]
made = "".join(["a", "b"])
for x in words + [made]:
    print(repr(x), [x == y for y in words], [x < y for y in words], [x >= y for y in words], x != made, x > made)
