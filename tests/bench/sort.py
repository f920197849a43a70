# Sorting lists of ints and tuples, with and without a key.
seed = 12345
data = []
for i in range(12000):
    seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
    data.append(seed % 100000)
a = sorted(data)
b = sorted(data, reverse=True)
pairs = [(x % 97, x) for x in data[:4000]]
pairs.sort()
c = sorted(data[:4000], key=lambda x: -x)
print(a[0], a[-1], b[0], pairs[0], c[0])
