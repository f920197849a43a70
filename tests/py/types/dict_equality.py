print({} == {}, {"a": 1} == {"a": 1}, {"a": 1} == {"a": 2}, {"a": 1, "b": 2} == {"b": 2, "a": 1})
print({1: 2} != {1: 2}, {1: [1]} == {1: [1]}, {1: 1} == {1.0: 1.0})
d = {}
for i in range(20):
    d[i] = i
for i in range(10):
    del d[i]
print(d == {i: i for i in range(10, 20)}, len(d))
