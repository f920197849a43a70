s = "naïve café €100 😀"
print(len(s), s[2], s[-1] == "😀", s.upper() if 0 else s)
print(s.find("€"), "|".join(s.split(" ")), s.encode()[:6])
print("日本語".encode(), len("日本語"), "日本語"[1], "語" in "日本語")
print("→".join(["a", "b"]), len("ab→cd".split("→")), "e".center(5))
print("".join(sorted(["é", "e", "z"])), "é" > "z")
