class Probe:
    def __getitem__(self, key):
        return key
p = Probe()
s = p[1:5]
print(type(s).__name__, s.start, s.stop, s.step)
s = p[::2]
print(s.start, s.stop, s.step)
s = p[-1:]
print(s.start, s.stop, s.step)
print(p[1:2:3])
print(p[1, 2], p[1:2, 3])
data = list(range(10))
print(data[p[2:8]], "abcdef"[p[1:3]], data[p[1:9:3]])
