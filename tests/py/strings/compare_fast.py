# Comparisons between strs: interned ones, image constants and strs made at
# run time (joined, indexed, sliced, formatted), and strs against other types.
short = "A"
built = "".join(["A"])
long_a = "DHRYSTONE PROGRAM, 1'ST STRING"
long_b = "DHRYSTONE PROGRAM, 2'ND STRING"
long_a2 = "DHRYSTONE PROGRAM, " + "1'ST STRING"
for left, right in [
    (short, built),
    (short, "B"),
    ("B", short),
    ("", ""),
    ("", "a"),
    ("ab", "abc"),
    ("abc", "ab"),
    (long_a, long_b),
    (long_b, long_a),
    (long_a, long_a2),
    ("\u00e9", "z"),
    ("\u20ac", "\u00e9"),
    ("a" * 40, "a" * 39 + "b"),
]:
    print(repr(left), repr(right), left == right, left != right, left < right, left <= right, left > right, left >= right)

s = "W"
print(s >= "W" and s <= "Z", "X" >= s, s == "X")


# Strs made by indexing, slicing and formatting against constants.
word = "PROGRAM"
print(word[0] == "P", word[1:3] == "RO", word[1:3] < "RP", "%s!" % word > "PROGRAM")
print(sorted(["b", word, "a" + "b", word[2:], ""]))


# Mixed with other types: equality is False, ordering raises.
print("1" == 1, "1" != 1, "a" == b"a")
try:
    print("a" < 1)
except TypeError:
    print("TypeError")
try:
    print("a" < b"a")
except TypeError:
    print("TypeError")
