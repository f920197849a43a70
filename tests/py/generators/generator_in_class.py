class Range2D:
    def __init__(self, w, h):
        self.w, self.h = w, h

    def __iter__(self):
        for y in range(self.h):
            for x in range(self.w):
                yield x, y

    def row(self, y):
        return (x for x in range(self.w) if (x + y) % 2 == 0)


r = Range2D(2, 2)
print(list(r))
print(list(r.row(0)), list(r.row(1)))
print(len(list(iter(r))))
