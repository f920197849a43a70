class Base:
    def items(self):
        yield "base1"
        yield "base2"


class Child(Base):
    def items(self):
        yield "child"
        yield from super().items()


print(list(Child().items()))


class Greeter:
    def greet(self):
        return "hello"


class Loud(Greeter):
    def greet(self):
        parent = super().greet()
        return [parent.upper() + c for c in "!?"]


print(Loud().greet())
