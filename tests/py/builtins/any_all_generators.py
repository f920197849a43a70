def squares():
    for i in range(10):
        yield i * i
print(any(s > 50 for s in squares()), all(s < 100 for s in squares()), any(s == 3 for s in squares()))
print(all(isinstance(x, int) for x in [1, 2, 3]), any(isinstance(x, str) for x in [1, 2.0]))
