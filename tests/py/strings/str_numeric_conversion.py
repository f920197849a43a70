for text in ("42", "-7", "3.5", "1e3", " 12 ", "0x1A"):
    try:
        print(repr(text), int(text))
    except ValueError:
        print(repr(text), "float", float(text) if text != "0x1A" else int(text, 16))
print(str(42) + str(4.5), repr(str(-0.0)), int("42") * 2, float("2.5") * 2)
