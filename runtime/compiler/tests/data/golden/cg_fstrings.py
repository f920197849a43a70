x = 42
w = 10
name = "abc"
print(f"x={x}")
print(f"{x!r:>{w}} and {name!s} {{literal}}")
print(f"{x=}")
print(f"plain")
print(f"a very long f-string that is not a qstr {x} ok")
print("pre" f"{x:#x}" "post")
print(f"{x + 1}{name.upper()}{[1, 2][0]}")
