s = "filename.txt"
print(s.startswith("file"), s.startswith("name"), s.endswith(".txt"), s.endswith(".py"))
print(s.startswith(("a", "f")), s.endswith((".py", ".txt")), s.startswith(("x", "y")))
print(s.startswith("name", 4), s.startswith("file", 1), s.endswith("name", 0, 8))
print("".startswith(""), "abc".startswith(""), "abc".endswith(""), "".endswith("a"))
print(b"bytes".startswith(b"by"), b"bytes".endswith(b"es"), b"x".startswith(b"xy"))
