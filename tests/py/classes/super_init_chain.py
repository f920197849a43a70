class A:
    def __init__(self):
        print("A init")
        self.a = 1


class B(A):
    def __init__(self):
        print("B init")
        super().__init__()
        self.b = 2


class C(B):
    def __init__(self, extra):
        print("C init", extra)
        super().__init__()
        self.c = extra


obj = C("x")
print(obj.a, obj.b, obj.c)


class NoInit(B):
    pass


n = NoInit()
print(n.a, n.b)
