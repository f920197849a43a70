from micropython import const
import micropython
A = const(1)
_B = const(2)
C = const(A + _B * 4)
D = const(1 << 40)
E = const("hello")
F = const((1, 2, "x"))
G: int = const(7)
_H: int = const(8)
J = micropython.const(9)
K = const(-1)
L = const(3.5)
print(A, _B, C, D, E, F, G, _H, J, K, L)
def f(x=A):
    return x + C + _B
print(__debug__, 1 + 2 * 3, 2 ** 70, -(2 ** 40), 7 // -2, -7 % 3, 1 << 30, 1 << 29, 10 / 4, ~5, 0x7fffffff + 1)
y = 1 + 2 + A
z = A + 1 + 2
t = (A, C, (1, -2), "s", None, True, ...)
if __debug__:
    print("debug")
if 0:
    print("never")
elif A:
    print("yes")
else:
    print("no")
while 0:
    pass
assert A, "msg"
assert C
