# Strs made at run time as dict and set keys: split pieces, slices, joins,
# concatenations and bytes; equal text from different objects (and from
# qstrs) must find the same entry, and a str's hash must not change once
# it has been used as a key.

text = "alpha beta gamma alpha delta beta alpha epsilon"
words = text.split(" ")
counts = {}
for word in words:
    counts[word] = counts.get(word, 0) + 1
print(sorted(counts.items()))
print(counts["alpha"], counts.get("beta"), "gamma" in counts, "zeta" in counts)

# The same text built four ways: every one finds the one entry.
d = {}
d["xy" + "z" * 3] = 1
d["".join(["xy", "zzz"])] = 2
d["--xyzzz--"[2:7]] = 3
d["XYZZZ".lower()] = 4
print(len(d), d)

# Hash equal to the qstr's; used as a key first, then hashed again.
made = "abc" + "def"
print(hash(made) == hash("abcdef"), {made: 1}["abcdef"], {"abcdef": 2}[made])
print(hash(made) == hash("abcdef"))

# Keys of equal hash prefix but different text, long and short.
long_a = "k" * 40 + "a"
long_b = "k" * 40 + "b"
e = {long_a: "a", long_b: "b"}
print(e["k" * 40 + "a"], e["k" * 40 + "b"], ("k" * 41) in e)

# bytes keys are distinct from str keys; bytearray is not hashable.
f = {b"key": 1, "key": 2}
print(f[b"k" + b"ey"], f["k" + "ey"], len(f))
try:
    {bytearray(b"x"): 1}
except TypeError:
    print("TypeError")

# Sets of built strs.
s = set()
for piece in "a,b,a,c,b".split(","):
    s.add(piece + "!")
print(sorted(s), "a!" in s, "d!" in s)

# A str key deleted and re-added with an equal str.
g = {}
key = "del" + "eted"
g[key] = 1
del g["deleted"]
g["dele" + "ted"] = 2
print(g, len(g))
