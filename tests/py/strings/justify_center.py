print(repr("ab".center(6)), repr("ab".center(2)), repr("abc".center(2)), repr("".center(4)))
print(repr("abcd".center(8)), repr("x".center(1)), repr("x".center(0)), repr("odd".center(7)))
for name in ("alpha", "bet", "gamma"):
    print("|" + name.center(9) + "|")
