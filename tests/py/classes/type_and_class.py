class Shape:
    sides = 0

    def name(self):
        return type(self).__name__


class Square(Shape):
    sides = 4


s = Square()
print(s.name(), s.__class__ is Square, s.__class__.sides, type(s).sides)
print(type(Square), type(Shape) is type, type(int), type(type))
same = type(s)()
print(same.name(), isinstance(same, Shape))
print(Square.__bases__[0].__name__, Shape.__bases__ == (object,))
print(type(3) is int, type("") is str, type([]) is list, type(None).__name__)
print(str(Shape)[:14], str(int))
