# Slices of lists and tuples with small int and None bounds, negative and
# out-of-range bounds, and slices of other things (which make a slice object).
data = [0, 1, 2, 3, 4, 5, 6]
pair = (10, 20, 30)
print(data[2:5], data[:3], data[4:], data[:], data[-3:], data[:-2], data[-100:100], data[5:2])
print(pair[1:], pair[:1], pair[-1:], pair[3:], pair[:0])
print("hello"[1:3], b"bytes"[:2], range(10)[2:5])
class Sliceable:
    def __getitem__(self, index):
        return index

s = Sliceable()
print(s[1:2], s[:], s[::3])
try:
    data[1:"x"]
except TypeError:
    print("TypeError")
sub = [1, 2, 3]
def f(x):
    return x[0:2]
print(f(sub), f(pair), f("abc"))
