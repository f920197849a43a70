# exec and eval take their source from any buffer: bytes, bytearray and
# memoryview (copied); compile from a str or bytes only.
exec(bytearray(b"print('from a bytearray')"))
exec(memoryview(b"print('from a memoryview')"))
print(eval(bytearray(b"6 * 7")), eval(memoryview(b"xx 1 + 2")[3:]))
exec(compile(b"print('compiled bytes')", "<b>", "exec"))
for source in (42, None, ["print(1)"]):
    try:
        exec(source)
    except TypeError:
        print("TypeError", type(source).__name__)
for source in (bytearray(b"1"), memoryview(b"1"), 7):
    try:
        compile(source, "<s>", "eval")
    except TypeError as error:
        print("TypeError", error)
