# One-character ASCII strings from indexing, iterating and chr() are interned,
# as in MicroPython: the same object each time, equal to the literal, and
# non-ASCII characters still index and iterate correctly.
word = "pystone"
print(word[0], word[-1], word[2] == "s", word[3] is word[3])
letters = [c for c in "abcab"]
print(letters, letters[0] is letters[3], letters[1] == "b")
print(chr(65), chr(65) is chr(65), chr(65) == "ABC"[0], chr(0x7A) + word[1])
joined = ""
for c in "rime":
    joined = c + joined
print(joined, len(joined))
mixed = "aé€b"
print([c for c in mixed], mixed[1], mixed[2], mixed[3], len(mixed[2]))
counts = {}
for c in "mississippi":
    counts[c] = counts.get(c, 0) + 1
print(sorted(counts.items()))
print("x"[0] * 3, ord("~"[0]), "\x00"[0] == chr(0), repr("\t"[0]))
for index in (3, -4, True, -3):
    try:
        print("abc"[index])
    except IndexError as error:
        print("IndexError", error)
