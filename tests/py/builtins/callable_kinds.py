class Plain:
    pass
class WithCall:
    def __call__(self, x):
        return x * 2
def func():
    pass
print(callable(len), callable(print), callable(func), callable(lambda: 0))
print(callable(Plain), callable(Plain()), callable(WithCall()), WithCall()(21))
print(callable(1), callable("s"), callable(None), callable([]))
print(callable(int), callable(str.upper), callable("s".upper))
g = (i for i in range(1))
print(callable(g), callable(iter), callable(next))
