# Nested integer loops with small-int arithmetic.
total = 0
for i in range(600):
    for j in range(300):
        total += (i * j) & 7
print(total)
