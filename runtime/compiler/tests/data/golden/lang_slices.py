# Slicing: positive/negative indices, steps, omitted bounds, slice objects,
# slice assignment/deletion on lists and bytearrays, custom __getitem__.

s = "abcdefghij"
lst = list(range(10))
print(s[2:5], s[:3], s[7:], s[:], s[-3:], s[:-3], s[-5:-2])
# MicroPython only supports step != 1 on lists, so str/bytes/tuple steps go via list
cs = list(s)
print("".join(cs[::2]), "".join(cs[1::2]), "".join(cs[::-1]), "".join(cs[::-2]), cs[8:2:-1], cs[8:2:-3], cs[-1:-4:-1])
print(s[100:], s[-100:3], s[5:2], s[3:3], cs[::100], cs[-100::-1][:3], cs[-1::-1][:3])
print(lst[1:8:3], lst[::-3], lst[9:0:-4], lst[-2::-2])
print(list(tuple(range(10)))[2::3], b"abcdef"[1:4], bytes(list(bytearray(b"xyz"))[::-1]))
print(range(20)[3:15:4], list(range(20)[::-5]), range(10)[-3])
class _Grab:
    def __getitem__(self, k):
        return k


SL = _Grab()
sl = SL[1:9:2]  # slice() constructor is missing in this MicroPython build
print(cs[sl], lst[sl], sl.start, sl.stop, sl.step)
print(cs[SL[::-1]], s[SL[:3]], s[SL[-2:]])
a = list(range(10))
a[2:5] = ["x", "y"]
print("replace shrink:", a)
a[1:2] = [10, 11, 12, 13]
print("replace grow:", a)
for j, ch in zip(range(0, len(a), 2), "ABCDEF"):
    a[j] = ch  # extended-slice assignment is not supported by MicroPython
print("stepped assign:", a)
a[:0] = [-1]
print("insert front:", a)
a[len(a):] = [100]
print("append via slice:", a)
a = [v for j, v in enumerate(a) if j % 3]
print("del step:", a)
del a[-2:]
print("del tail:", a)
del a[:2]
print("del head:", a)
a[:] = []
print("clear:", a)
ba = bytearray(b"hello world")
ba[0:5] = b"HELLO"
print(ba)
ba[6:] = b"pico"
print(ba, len(ba))
ba = ba[:5]  # bytearray slice deletion unsupported in MicroPython
print(ba)
mv = memoryview(bytearray(b"0123456789"))
print(bytes(mv[2:6]), bytes(mv[-3:]))
mv[0:2] = b"ab"
print(bytes(mv))


class Seq:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, idx):
        if isinstance(idx, slice):
            start, stop, step = idx.start, idx.stop, idx.step
            step = 1 if step is None else step
            if start is None:
                start = 0 if step > 0 else self.n - 1
            if stop is None:
                stop = self.n if step > 0 else -1
            return [self[i] for i in range(start, stop, step)]
        if idx < 0:
            idx += self.n
        if not 0 <= idx < self.n:
            raise IndexError("Seq index out of range")
        return idx * idx


sq = Seq(8)
print("custom:", sq[3], sq[-1], sq[1:5], sq[::3], sq[::-2], sq[6:1:-2])
try:
    sq[8]
except IndexError as e:
    print("custom error:", e)
it = [v for v in sq]
print("iterate via getitem:", it)
n = 3
print("dynamic:", lst[n:n * 2], lst[-n:], lst[::n], lst[n::-1], s[n - 1:-n + 1 or None], lst[::-n + 1])
matrix = [[r * 4 + c for c in range(4)] for r in range(4)]
print("rows:", matrix[1:3], "col:", [row[2] for row in matrix], "diag:", [matrix[i][i] for i in range(4)])
print("sub-block:", [row[1:3] for row in matrix[1:3]])
words = "the quick brown fox".split()
print("slice chain:", words[1:][::-1][0][1:3], "".join(list(words[-1])[::-1]).upper())
tp = (1, 2, 3, 4, 5)
print("tuple slices:", tp[1:-1], list(tp)[::-1][:2], list(tp)[4:0:-2])
print("list negative step empty:", cs[2:8:-1], repr(s[8:2]))
for code in ("'abc'[::-1]", "(1, 2, 3)[::2]", "b'xy'[::-1]"):
    try:
        print(code, "=", eval(code))
    except NotImplementedError:
        print(code, "-> NotImplementedError")
