a = b"ab"
b = bytearray(b"cd")
print(a + b, type(a + b).__name__, b + a, type(b + a).__name__)
b += b"ef"
print(b, b + b"", bytearray() + b"x")
c = bytearray(b"x")
alias = c
c += b"yz"
print(alias, alias is c)
