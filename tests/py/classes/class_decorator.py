registry = []


def register(cls):
    registry.append(cls.__name__)
    cls.registered = True
    return cls


def with_repr(cls):
    def __repr__(self):
        return cls.__name__ + "<" + str(self.__dict__.get("v")) + ">"

    cls.__repr__ = __repr__
    return cls


@register
@with_repr
class Thing:
    def __init__(self, v):
        self.v = v


@register
class Other:
    pass


print(registry, Thing.registered, Other.registered)
print(Thing(5), [Thing("a")])
