# == and != on instances of Python classes, as MicroPython: == asks __eq__
# even of an object compared with itself; != asks __ne__ first, then
# __eq__ negated, of the left operand and then of the right one; an object
# without either is equal only to itself (MicroPython's
# tests/basics/special_comparisons.py, whose cases run through eval).
class Eq:
    def __init__(self, answer):
        self.answer = answer

    def __eq__(self, other):
        print("  Eq.__eq__", self.answer)
        return self.answer


class Ne:
    def __init__(self, answer):
        self.answer = answer

    def __ne__(self, other):
        print("  Ne.__ne__", self.answer)
        return self.answer


class Plain:
    pass


class Declines:
    def __eq__(self, other):
        print("  Declines.__eq__")
        return NotImplemented


objects = {"eq_true": Eq(True), "eq_false": Eq(False), "ne_true": Ne(True), "ne_false": Ne(False), "plain": Plain(), "declines": Declines()}
for left_name in sorted(objects):
    for right_name in sorted(objects):
        left = objects[left_name]
        right = objects[right_name]
        print(left_name, "==", right_name)
        print(" ", left == right)
        print(left_name, "!=", right_name)
        print(" ", left != right)

same = Eq(False)
print(same in [same], [same].count(same), 1 != same, same != 1)
print("str", "abc" == "abc", "abc" != "abc", [1, 2] != [1, 2])
