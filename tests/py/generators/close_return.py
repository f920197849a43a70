def gen():
    try:
        yield 1
    finally:
        print("cleanup")


g = gen()
print(next(g))
print(g.close())
done = gen()
print(list(done))
print(done.close())
