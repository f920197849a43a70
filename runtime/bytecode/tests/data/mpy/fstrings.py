name = "world"
value = 3.14159
count = 42
print(f"hello {name}")
print(f"{value:.2f} and {count:05d} and {count!r}")
print(f"{name!s:>10}|{count:x}|{{literal}}")
print(f"nested {f'{count}'} {name + '!'}")
