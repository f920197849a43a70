def gen():
    yield "g1"
    yield "g2"


a, b = gen()
print(a, b)
k1, k2 = sorted({"y": 1, "x": 2})
print(k1, k2)
s1, s2, s3 = "abc"
print(s1, s2, s3)
r1, r2 = range(2)
print(r1, r2)
(only,) = [42]
print(only)
h, *t = b"bytes"
print(h, t)
