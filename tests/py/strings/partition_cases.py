print("k=v".partition("="), "k=v=w".partition("="), "kv".partition("="))
print("k=v".rpartition("="), "k=v=w".rpartition("="), "kv".rpartition("="))
print("a::b::c".partition("::"), "a::b::c".rpartition("::"))
print(b"a b".partition(b" "), b"ab".rpartition(b" "))
try:
    "abc".partition("")
except ValueError:
    print("ValueError")
