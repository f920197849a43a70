# Dict insertion, lookup and update with str and int keys.
counts = {}
for i in range(40000):
    key = "k%d" % (i % 500)
    counts[key] = counts.get(key, 0) + 1
table = {}
for i in range(4000):
    table[i] = i * 2
hits = 0
for i in range(0, 8000, 3):
    if i in table:
        hits += table[i]
print(len(counts), counts["k7"], hits)
