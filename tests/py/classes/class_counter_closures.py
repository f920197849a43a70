class Registry:
    _handlers = {}

    @classmethod
    def on(cls, name):
        def decorator(fn):
            cls._handlers[name] = fn
            return fn

        return decorator

    @classmethod
    def fire(cls, name, *args):
        return cls._handlers[name](*args)


@Registry.on("add")
def add(a, b):
    return a + b


@Registry.on("shout")
def shout(s):
    return s.upper() + "!"


print(Registry.fire("add", 2, 3), Registry.fire("shout", "hey"))
print(sorted(Registry._handlers))
