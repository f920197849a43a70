FOO = "a"
