values = [-2.5, -1, 0, 1.49, 2.51, 10**12 + 0.4]
print([abs(v) for v in values], [round(v) for v in values])
print(round(-0.0), round(1.05, 1) in (1.0, 1.1), abs(-10**30))
