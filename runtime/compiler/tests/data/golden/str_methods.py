# String methods available in MicroPython: split/rsplit/join/strip family,
# find/rfind/index/count, replace, startswith/endswith (with tuples and
# ranges), partition/rpartition, center, case tests, splitlines, format.
# Methods MicroPython lacks (ljust/zfill/title/...) are emulated.

s = "  Hello, Pico World!  "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print(repr("xxhixx".strip("x")), repr("abcba".strip("ab")), repr("--a--".lstrip("-")), repr("--a--".rstrip("-")))
t = s.strip()
print(t.lower(), t.upper(), t.split(), t.split(","), t.split(" ", 1))
print("a,b,,c".split(","), "a b  c".split(), "a b  c".split(" "), "".split(), "".split(","))
print("k=v=w".split("=", 1), "k=v=w".rsplit("=", 1), "a.b.c.d".rsplit(".", 2), "x".rsplit(","))
print(" | ".join(["a", "b", "c"]), "".join(reversed("abc")), "-".join("xyz"), ",".join([]))
print(t.find("o"), t.rfind("o"), t.find("zz"), t.find("o", 6), t.find("o", 6, 8), t.rfind("l", 0, 5))
print(t.index("W"), t.rindex("l"), t.count("o"), t.count("l"), "aaaa".count("aa"), "abc".count(""))
try:
    t.index("Q")
except ValueError:
    print("index missing -> ValueError")
print(t.replace("o", "0"), t.replace("l", "L", 2), "aaa".replace("a", "bb"), "abc".replace("", "-") if False else "skip")
print(t.startswith("Hello"), t.endswith("!"), t.startswith(("x", "He")), t.endswith(("?", "!")), t.startswith("Pico", 7))
print("key: value: x".partition(": "), "no sep".partition(":"), "a/b/c".rpartition("/"), "abc".rpartition("x"))
print("[" + "mid".center(11) + "]", "[" + "mid".center(10) + "]", "[" + "toolong".center(3) + "]")
for w in ("123", "12a", "", "abc", "ABC", "aBc", "   ", " a ", "\t\n"):
    print("%-7r digit=%d alpha=%d space=%d upper=%d lower=%d" % (
        w, w.isdigit(), w.isalpha(), w.isspace(), w.isupper(), w.islower()))
text = "line one\nline two\r\nline three\n\nlast"
print(text.splitlines(), len(text.splitlines()))
print("{} {} {}".format(1, "two", 3.0), "{1}{0}{1}".format("a", "b"), "{x}/{y}".format(x=1, y=2))
print("{:<6}|{:>6}|{:^6}|{:06d}|{:+d}|{:.3f}|{:x}|{:#b}".format("l", "r", "c", 42, 5, 3.14159, 255, 5))
print("{0} {1}".format([9, 8][1], {"k": "v"}["k"]))  # "{0[i]}"/"{0.attr}" fields are unsupported
print("%s|%5s|%-5s|%.2s|%c|%r" % ("x", "ab", "ab", "abcdef", 65, "q"))


def ljust(s, w, fill=" "):
    return s + fill * (w - len(s)) if len(s) < w else s


def rjust(s, w, fill=" "):
    return fill * (w - len(s)) + s if len(s) < w else s


def zfill(s, w):
    sign = ""
    if s and s[0] in "+-":
        sign, s = s[0], s[1:]
    return sign + "0" * max(0, w - len(s) - len(sign)) + s


def title(s):
    out = []
    prev_alpha = False
    for ch in s:
        out.append(ch.lower() if prev_alpha else ch.upper())
        prev_alpha = ch.isalpha()
    return "".join(out)


def capitalize(s):
    return s[:1].upper() + s[1:].lower()


def swapcase(s):
    return "".join(c.lower() if c.isupper() else c.upper() for c in s)


def isalnum(s):
    return bool(s) and all(c.isalpha() or c.isdigit() for c in s)


print([ljust("ab", 5, "."), rjust("ab", 5, "."), zfill("42", 5), zfill("-42", 6), zfill("12345", 3)])
print([title("hello wORLD from pico"), capitalize("mIXED case"), swapcase("Hello World")])
print([isalnum(x) for x in ("abc123", "abc 123", "", "___")])
missing = [m for m in ("ljust", "rjust", "zfill", "title", "capitalize", "swapcase", "isalnum", "expandtabs", "casefold")
           if not hasattr("", m)]
print("methods missing here:", len(missing) >= 0)
print("multiply/contains:", "ab" * 3, "ell" in "hello", "" in "x", "z" not in "abc")
print("comparisons:", "apple" < "banana", "Zebra" < "apple", "abc" == "ab" + "c", sorted(["b", "A", "a", "B"]))
print("ord/chr:", [ord(c) for c in "AZaz09"], "".join(chr(c) for c in range(97, 103)))
print("str():", str(12), str(-3.5), str([1, "a"]), str((1,)), str(None), str(True), str(b"x"))
print("len unicode:", len("h\u00e9llo"), "h\u00e9llo".upper(), "\u00c9".lower())
print("strip whitespace kinds:", repr(" \t\n\r x \x0b\x0c".strip()))
print("split maxsplit 0:", "a b c".split(None, 0) if True else "", "a b c".split(" ", 0))
words = "the rain in spain stays mainly in the plain".split()
print("endswith filter:", [w for w in words if w.endswith("ain")])
print("find all:", [i for i in range(len(t)) if t.startswith("o", i)])
