x = "a" b"b"
y = b"a" "b"
