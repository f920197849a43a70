a = 2 ** 100
b = 3 ** 50
print(a, b)
print(a + b, a - b, b - a, a * b)
print(a // b, a % b, -a // b, -a % b)
print(a >> 10, a << 10, a & b, a | b, a ^ b, ~a)
print(-a & 0xffff, -a | 1, -a ^ b)
print(a > b, a == 2 ** 100, a != b, -a < b)
f = 1
for i in range(1, 40):
    f *= i
print(f)
print(f // 10 ** 20, f % 1000003)
print(str(10 ** 50), len(str(7 ** 300)))
print(int("123456789012345678901234567890") + 1)
print(hash(5) == hash(5.0), 2 ** 62 // 2 ** 31)
print((255).to_bytes(2, "big"), int.from_bytes(b"\x01\x00", "big"))
print(1073741823 + 1, -1073741824 - 1, 65536 * 65536)
print(float(2 ** 70), 2 ** 70 / 2 ** 69)
