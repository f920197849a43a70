# repr() of a str escapes every non-ASCII character (MicroPython's rule);
# str() and print() keep the text as it is.
words = ["café", "€100", "日本", "naïve\n", "\x7f\x00", "smile \U0001f600", "'\"é"]
for word in words:
    print(repr(word), len(word), len(repr(word)))
print(words[0], str(words[1]), "%r|%s" % (words[2], words[2]))
print(["ü", ("ß",)], {"key": "ö"})
print("{!r:>10}|".format("é"), "%-8r|" % "é")
print(repr("ÿ"), repr("Ā"), repr(b"\xc3\xa9"))
