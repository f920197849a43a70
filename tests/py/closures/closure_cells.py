def make_pair():
    value = 0

    def get():
        return value

    def set(v):
        nonlocal value
        value = v

    return get, set


get, set_ = make_pair()
print(get())
set_(42)
print(get())
g2, s2 = make_pair()
print(g2(), get())


def capture_loop():
    results = []
    for i in range(3):
        def f():
            return i * 10
        results.append(f)
    return [f() for f in results]


print(capture_loop())
