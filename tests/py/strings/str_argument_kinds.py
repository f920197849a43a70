# The substring arguments of str and bytes methods must be text of the
# receiver's kind; bytes count positions in bytes; whitespace splitting with
# maxsplit keeps the rest as it is, and \v is whitespace; enumerate takes
# its arguments by keyword too.
for action in (
    lambda: "abc".find(1),
    lambda: "abc".count(b"a"),
    lambda: "abc".startswith(1),
    lambda: "abc".endswith(b"c"),
    lambda: "abc".replace(1, "x"),
    lambda: "abc".replace("a", 2),
    lambda: "abc".strip(b"a"),
    lambda: b"abc".rstrip("c"),
    lambda: "a b".split(1),
    lambda: b"a b".rsplit("b"),
    lambda: b"abc".find("a"),
):
    try:
        print(action())
    except TypeError:
        print("TypeError")
print(b"\x80abc".find(b"a", 1), b"\xc3\xa9x".index(b"x"), "\xe9x".find("x"))
print("   a   b    ".split(None, 1), "   a   b  c  ".split(None, 0))
print(b"  a  b  ".split(None, 1), "a\vb\x0cc".split(), "\v x \v".strip())
print(list(enumerate(iterable=[1, 2])), list(enumerate(start=3, iterable="ab")))
