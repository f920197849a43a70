# String building, joining, slicing and searching.
parts = []
for i in range(8000):
    parts.append(str(i))
text = ",".join(parts)
n = 0
for piece in text.split(","):
    if "7" in piece:
        n += 1
s = ""
for i in range(3000):
    s += "ab"[i % 2]
print(len(text), n, len(s), s[:6], text.find("7777"))
