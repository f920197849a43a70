a, b: int = 1, 2
[a]: int
f(): int
