# Every binary, unary, comparison and augmented-assignment operator on
# ints, floats, strings, lists, sets, bools and big ints.

a, b = 17, 5
print("arith:", a + b, a - b, a * b, a / b, a // b, a % b, a ** b)
print("neg operands:", -a // b, -a % b, a // -b, a % -b, -a // -b, -a % -b)
print("bitwise:", a & b, a | b, a ^ b, ~a, a << 3, a >> 2, -a >> 1)
print("unary:", -a, +a, ~b, not a, not 0, -(-a))
print("float:", 7.5 + 2, 7.5 - 2.25, 1.5 * 4, 7.0 / 2, 7.5 // 2, 7.5 % 2, 2.0 ** 0.5 > 1.41)
print("float neg floor:", -7.5 // 2, -7.5 % 2, 2 ** -1, (-8) ** 2)
print("mixed:", 3 * True, True + True, False - 1, 10 / 4, 10 // 4.0)
big = 2 ** 100
print("big:", big + 1, big - big // 3, big * -3, big // 7, big % 1000007, -big >> 90, big & (big - 1))
print("compare:", a < b, a <= b, a > b, a >= b, a == b, a != b, 1 == 1.0, big > 2 ** 99)
print("identity:", a is a, None is None, a is not None, [] is [])
print("membership:", 3 in [1, 2, 3], "x" not in "abc", 2 in {1: 0, 2: 0}, 5 in range(0, 10, 5))
print("chained:", 1 < 2 < 3, 1 < 3 < 2, 0 <= a < 20 != 19, 1 == 1.0 == True, a > b > 0 > -1)
x = 5
print("chain eval once:", 0 < x < 10, 0 < x > 3, 1 < x <= 5 < 6 == 6)
print("logic:", 0 or 5, 3 and 4, None or [] or "z", 1 and 0 and 2, not (1 and 0))
print("strings:", "ab" + "cd", "ab" * 3, 3 * "-", "a" < "b", "abc" < "abd", "B" < "a")
print("lists:", [1, 2] + [3], [0] * 4, [1, 2] < [1, 3], [1, 2] == [1, 2], [[0]] * 2)
print("tuples:", (1, 2) + (3,), (1,) * 3, (1, 2, 3) > (1, 2), () < (0,))
s1, s2 = {1, 2, 3, 4}, {3, 4, 5}
print("sets:", sorted(s1 | s2), sorted(s1 & s2), sorted(s1 - s2), sorted(s1 ^ s2), s1 > {1, 2}, {3} <= s2)
print("bytes:", b"ab" + b"c", b"-" * 3, b"a" < b"b", bytes(3) == b"\x00\x00\x00")
print("percent:", "%d-%s-%r-%x-%5.2f-%%" % (42, "s", "r", 255, 3.14159))

n = 10
n += 5; print("+=", n)
n -= 3; print("-=", n)
n *= 4; print("*=", n)
n //= 5; print("//=", n)
n %= 7; print("%=", n)
n **= 3; print("**=", n)
n <<= 2; print("<<=", n)
n >>= 1; print(">>=", n)
n &= 0xF0; print("&=", n)
n |= 0x0F; print("|=", n)
n ^= 0xFF; print("^=", n)
f = 9.0
f /= 2; print("/=", f)
f -= 0.5; f *= 2; print("float aug:", f)
s = "ab"
s += "cd"; s *= 2; print("str aug:", s)
lst = [1]
alias = lst
lst += [2, 3]
lst *= 2
print("list aug in place:", alias, alias is lst)
t = (1,)
t2 = t
t += (2,)
print("tuple aug new:", t, t2)
st = {1, 2}
st |= {3}; st &= {1, 3, 4}; st -= {4}; st ^= {5}
print("set aug:", sorted(st))
d = {"k": [0, 0]}
d["k"][1] += 7
d["n"] = d.get("n", 0) + 1
d["n"] += 10
print("subscript aug:", sorted(d.items()))


class Box:
    def __init__(self):
        self.v = 1


bx = Box()
bx.v += 4
bx.v **= 2
bx.v //= 3
print("attr aug:", bx.v)
arr = [10, 20, 30]
i = 0
arr[i + 1] -= 5
arr[-1] <<= 1
print("index expr aug:", arr)
print("precedence:", 2 + 3 * 4 ** 2, (2 + 3) * 4, -2 ** 2, (-2) ** 2, 2 ** 3 ** 2, 1 + 2 << 1, 1 | 2 ^ 3 & 4)
print("not in chain:", not 1 == 2, not 1 < 2 < 3, (not 1) == 0)
print("divmod/abs/pow:", divmod(17, -5), divmod(-17.5, 4), abs(-7), abs(-2.5), pow(3, 4), pow(3, 4, 5), pow(2, -2))
print("round:", round(2.5), round(3.5), round(-0.5), round(7.456, 2), round(1234, -2))
print("int/float conv:", int(7.9), int(-7.9), int("0x1f", 16), int("-12"), float("1.5e3"), int(True))
print("hex/oct/bin:", hex(255), oct(8), bin(10), hex(-1), bin(0))
try:
    print(1 // 0)
except ZeroDivisionError:
    print("int // 0 -> ZeroDivisionError")
try:
    print(1.0 % 0)
except ZeroDivisionError:
    print("float % 0 -> ZeroDivisionError")
try:
    print(1 << -1)
except ValueError:
    print("negative shift -> ValueError")
try:
    print("a" + 1)
except TypeError:
    print("str + int -> TypeError")
