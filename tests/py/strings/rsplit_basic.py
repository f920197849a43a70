print("a b c".rsplit(" "), "a,b,c".rsplit(",", 1), "a,b,c".rsplit(",", 0))
print("aaa".rsplit("a"), "a--b--c".rsplit("--", 1), "abc".rsplit("x"))
print(",a,".rsplit(","), "1.2.3.4".rsplit(".", 2))
print(b"a b c".rsplit(b" ", 1))
