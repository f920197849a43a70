def show(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)


show(lambda: 1 // 0)
show(lambda: 1 % 0)
show(lambda: 1.5 / 0)
show(lambda: [1][5])
show(lambda: (1, 2)[-3])
show(lambda: {}["nope"])
show(lambda: undefined_name)
show(lambda: (5).nothing)
show(lambda: None())
show(lambda: 1 + "a")
show(lambda: "a" - 1)
show(lambda: [] < 3)
show(lambda: iter(3))
show(lambda: next(iter(())))
show(lambda: int("z"))
show(lambda: [].pop())
