# An f-string inside a field of another: MicroPython 1.27 appends the inner
# fields after the outer call, so these do not mean what CPython means.
w = 7
name = "rime"
def show(*parts):
    return parts
print(show(f"[{f'<{w}>':>9}]"))
print(show(f'{f"{name!r}"=}' " tail"))
print(show(f"{f'{w}{f"{name}"}'}"))
