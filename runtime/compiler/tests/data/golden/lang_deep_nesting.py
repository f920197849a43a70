# Deeply nested control flow: loops within loops within try within with
# within functions within classes, nested conditionals, nested functions
# and nested data structures.

trace = []


class Res:
    def __init__(self, n):
        self.n = n

    def __enter__(self):
        trace.append("in%d" % self.n)
        return self.n

    def __exit__(self, *a):
        trace.append("out%d" % self.n)


class Outer:
    class Inner:
        class Innermost:
            value = "deep class"

            def get(self):
                return self.value

    def method(self, depth):
        def f1(a):
            def f2(b):
                def f3(c):
                    def f4(d):
                        return a + b + c + d + depth
                    return f4
                return f3
            return f2
        return f1(1)(10)(100)(1000)


print(Outer.Inner.Innermost().get(), Outer().method(5))


def maze(n):
    total = 0
    for a in range(n):
        if a % 2 == 0:
            for b in range(n):
                if b > a:
                    break
                with Res(a * 10 + b) as r:
                    try:
                        for c in range(3):
                            if c == 1:
                                continue
                            while True:
                                try:
                                    if (a + b + c) % 3 == 0:
                                        raise ValueError(r)
                                    total += r + c
                                finally:
                                    total += 1
                                break
                    except ValueError as e:
                        total -= e.args[0]
                    else:
                        total *= 1
                    finally:
                        if b == 0:
                            total += 100
        elif a % 3 == 0:
            total -= a
        else:
            if a > 2:
                if a > 4:
                    if a > 6:
                        total += 7
                    else:
                        total += 5
                else:
                    total += 3
            else:
                total += 1
    return total


print("maze:", maze(5), maze(8))
print("trace sample:", trace[:6], len(trace))


def classify(x, y, z):
    if x > 0:
        if y > 0:
            if z > 0:
                return "+++"
            elif z < 0:
                return "++-"
            else:
                return "++0"
        else:
            if z > 0:
                return "+-+" if y < 0 else "+0+"
            return "+-?" if y < 0 else "+0?"
    elif x < 0:
        return "-" + ("+" if y > 0 else "-" if y < 0 else "0") + ("+" if z > 0 else "-" if z < 0 else "0")
    return "0.."


vals = (-1, 0, 1)
print("classify:", sorted(set(classify(x, y, z) for x in vals for y in vals for z in vals)))
data = {"a": [{"b": {"c": [1, 2, {"d": [[3, 4], [5, {"e": "found"}]]}]}}]}
print("nested access:", data["a"][0]["b"]["c"][2]["d"][1][1]["e"])


def walk(obj, path=""):
    if isinstance(obj, dict):
        for k in sorted(obj):
            yield from walk(obj[k], path + "/" + k)
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from walk(v, path + "[%d]" % i)
    else:
        yield path, obj


for p, v in walk(data):
    print(" ", p, "=", v)
deep = []
cur = deep
for i in range(20):
    nxt = []
    cur.append(i)
    cur.append(nxt)
    cur = nxt
depth = 0
cur = deep
while cur:
    depth += 1
    cur = cur[1]
print("list depth:", depth)
x = ((((((((((1,),),),),),),),),),)
n = 0
while isinstance(x, tuple):
    x = x[0]
    n += 1
print("tuple depth:", n, x)
result = [[[[i * j * k * l for l in range(2)] for k in range(2)] for j in range(2)] for i in range(2)]
print("4-deep comprehension:", result)
print("nested lambdas:", (lambda a: (lambda b: (lambda c: (lambda d: a * b * c * d))))(2)(3)(4)(5))
print("nested ternary:", [("a" if i < 2 else "b" if i < 4 else "c" if i < 6 else "d") for i in range(8)])
