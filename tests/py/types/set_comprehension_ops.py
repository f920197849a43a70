evens = {x for x in range(10) if x % 2 == 0}
squares = {x * x for x in range(5)}
print(sorted(evens), sorted(squares), sorted(evens & squares), sorted(evens - squares))
words = "the cat and the hat".split()
print(sorted(set(words)), len(set(words)), sorted({w[0] for w in words}))
