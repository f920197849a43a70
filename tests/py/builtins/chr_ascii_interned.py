# chr() of an ASCII code: the same object each time (as MicroPython's
# interned one-character strings), equal to the literal, usable as a key.
first = [chr(code) for code in range(128)]
second = [chr(code) for code in range(128)]
print(all(a is b for a, b in zip(first, second)))
print(all(len(text) == 1 and ord(text) == code for code, text in enumerate(first)))
print(chr(32) == " ", chr(42) == "*", chr(47) == "/", chr(95) == "_", chr(65) == "A", chr(0) == "\x00")
print("".join(first[32:127]))
table = {chr(code): code for code in range(128)}
print(len(table), table["a"], table[" "], table["\x7f"])
print(chr(65) + chr(66), repr(chr(10)), repr(chr(127)), chr(65) in "CAB")
print(chr(233), len(chr(0x263A)), chr(0x263A) == "\u263a")
