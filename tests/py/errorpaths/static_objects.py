# Builtin functions, builtin types and the other static objects (None,
# Ellipsis, NotImplemented, the empty tuple and bytes) asked for their type,
# compared, hashed and used as dict keys.

print(type(len), type(int), type(str.join), type(None), type(()), type(b""))
print(isinstance(len, type), isinstance(int, type), isinstance((), tuple), isinstance(b"", bytes))
print(callable(len), callable(int), callable(None), callable(str.split))
table = {len: "len", int: "int", None: "none", (): "empty", b"": "bytes", ...: "dots"}
print(table[len], table[int], table[None], table[()], table[b""], table[...])
print(len in table, max in table, str in table, hash(()) == hash(()), hash(b"") == hash(""))
print(len == len, len == max, int is int, repr(NotImplemented))
print([type(x).__name__ for x in (1, 1.5, "s", b"b", [], {}, (), None, len, int)])
