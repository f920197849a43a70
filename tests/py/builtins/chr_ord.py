print(chr(65), chr(97), chr(48), chr(32) == " ", chr(10) == "\n")
print(ord("A"), ord("z"), ord("0"), ord(" "), ord("\n"))
print(ord("é"), ord("€"), ord("😀"), len(chr(0x20AC)))
print(chr(233) == "é", chr(8364) == "€", chr(0x1F600) == "😀")
print(ord(b"a"), ord(b"\xff"))
print("".join(chr(ord(c) + 1) for c in "HAL"))
print([ord(c) for c in "abc"], [chr(i) for i in range(100, 103)])
for bad in ("", "ab"):
    try:
        ord(bad)
    except TypeError:
        print("TypeError", len(bad))
try:
    chr(0x110000)
except ValueError:
    print("ValueError")
