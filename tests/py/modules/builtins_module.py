import builtins
print(builtins.len("abc"), builtins.abs(-1), builtins.max(1, 2), builtins.print is print)
print(hasattr(builtins, "range"), hasattr(builtins, "nonexistent_name"))
