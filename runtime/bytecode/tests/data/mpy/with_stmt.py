class Ctx:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, a, b, c):
        print("exit", self.name)
        return False


with Ctx("a") as a:
    print(a.name)

with Ctx("b") as b, Ctx("c"):
    pass


def in_loop():
    for i in range(3):
        with Ctx(i):
            try:
                if i == 1:
                    break
            finally:
                print("f")


in_loop()
