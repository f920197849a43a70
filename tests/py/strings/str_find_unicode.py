s = "aé€😀b"
print(s.find("€"), s.find("😀"), s.find("b"), s.index("é"), s.rfind("a"), len(s))
print(len(s.split("€")), s.replace("€", "E"), s.startswith("aé"), s.endswith("😀b"))
print(s.count("é"), "é" in s, s.partition("€")[2] == "😀b")
