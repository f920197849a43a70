for text in ("plain", "tab\there", "nl\n", "quote'", 'dq"', "both'\"", "back\\", "\x01\x1f\x7f"):
    print(repr(text))
for data in (b"plain", b"\x00\x80\xff", b"'", b'"', b"'\"", b"\t\n\r"):
    print(repr(data))
print(repr(["x'", b"y"]))
