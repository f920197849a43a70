class Strict:
    def __init__(self, value):
        if not isinstance(value, int):
            raise TypeError("need int, got " + type(value).__name__)
        self.value = value


for v in (3, "x", 2.5):
    try:
        print(Strict(v).value)
    except TypeError as e:
        print("rejected:", e)
