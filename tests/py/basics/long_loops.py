total = 0
for i in range(10000):
    total += i * i
print(total)
acc = 1
for i in range(1, 30):
    acc *= i
print(acc)
squares = [i * i for i in range(1000)]
print(len(squares), squares[-1], sum(squares) % 1000007)
s = 0
i = 0
while i < 5000:
    s ^= i
    i += 3
print(s)
