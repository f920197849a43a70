def make_class(greeting):
    class Greeter:
        def greet(self, name):
            return greeting + ", " + name

    return Greeter


Hello = make_class("hello")
Hi = make_class("hi")
print(Hello().greet("a"), Hi().greet("b"))


class Outer:
    factor = 3

    def scaler(self):
        factor = self.factor

        def scale(x):
            return x * factor

        return scale


print(Outer().scaler()(5))
