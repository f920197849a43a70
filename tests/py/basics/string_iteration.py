s = "héllo wörld"
print(len(s), "".join([c for c in s if c in "aeiouéö"]))
print(s[1], s[-4], s.upper())
counts = {}
for ch in "abracadabra":
    counts[ch] = counts.get(ch, 0) + 1
print(sorted(counts.items()))
print("".join(reversed("stressed")), list("abc"), tuple("xy"))
print("-".join(c * 2 for c in "abc"))
print(max("hello"), min("hello"), sorted("hello"))
print("a" in "abc", "ab" in "abc", "ac" in "abc", "" in "x")
