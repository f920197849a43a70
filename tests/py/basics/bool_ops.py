def v(x):
    print("eval", x)
    return x


print(v(0) and v(1))
print(v(2) and v(3))
print(v(0) or v(4))
print(v(5) or v(6))
print(not 0, not 1, not [], not [0], not "", not None)
print(None or "default", "" or [] or 0, 1 and [] and "x")
print(v(0) or v("") or v("last"))
x = [] or {} or ()
print(x, type(x).__name__)
print(True + True, True * 10, False - 1, int(True))
