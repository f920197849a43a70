# The random module: only facts that hold for every seed are printed.
import random

random.seed(42)
first = [random.getrandbits(32) for _ in range(5)]
random.seed(42)
print(first == [random.getrandbits(32) for _ in range(5)])
random.seed()

print(all(0 <= random.getrandbits(8) < 256 for _ in range(50)))
print(random.getrandbits(0), type(random.getrandbits(32)))
print(all(0 <= random.randrange(10) < 10 for _ in range(50)))
print(all(5 <= random.randrange(5, 8) < 8 for _ in range(50)))
print(all(random.randrange(0, 10, 3) in (0, 3, 6, 9) for _ in range(50)))
print(all(random.randrange(10, 0, -4) in (10, 6, 2) for _ in range(50)))
print(all(1 <= random.randint(1, 6) <= 6 for _ in range(50)))
print(random.randint(3, 3), random.randrange(7, 8))
print(sorted(set(random.randint(0, 1) for _ in range(100))))
print(all(random.choice("abc") in "abc" for _ in range(20)))
print(random.choice([7]), random.choice((8,)))
numbers = [random.random() for _ in range(50)]
print(all(0.0 <= number < 1.0 for number in numbers), type(numbers[0]))
print(all(2.0 <= random.uniform(2, 3) <= 3.0 for _ in range(50)))
print(random.uniform(2, 2))


def attempt(function):
    try:
        print(function())
    except Exception as error:
        print(type(error).__name__, error)


attempt(lambda: random.getrandbits(33))
attempt(lambda: random.getrandbits(-1))
attempt(lambda: random.randrange(0))
attempt(lambda: random.randrange(5, 1))
attempt(lambda: random.randrange(0, 10, 0))
attempt(lambda: random.randint(3, 2))
attempt(lambda: random.choice([]))
attempt(lambda: random.randrange(1.5))
attempt(lambda: random.randrange(2**40))
