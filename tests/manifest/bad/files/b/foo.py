FOO = "b"
