for text in ("123", "12.3", "", "abc", "aBc", "a1", " ", " \t\n", "ABC", "x y"):
    print(repr(text), text.isdigit(), text.isalpha(), text.isspace(), text.isupper(), text.islower())
print(b"123".isdigit(), b"abc".isalpha(), b" ".isspace(), b"AB".isupper(), b"ab".islower())
