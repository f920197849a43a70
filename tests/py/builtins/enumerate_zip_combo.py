names = ["a", "b", "c"]
scores = [3, 1, 2]
for rank, (name, score) in enumerate(sorted(zip(scores, names), reverse=True), 1):
    print(rank, name, score)
print(dict(zip(names, scores))["b"], list(zip(*enumerate("xy"))))
