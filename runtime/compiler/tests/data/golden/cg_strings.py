my_long_identifier_name = 1
a = "my_long_identifier_name"
b = "another_long_identifier"
another_long_identifier = 2
c = "another_long_identifier"
d = "NotImplementedError"
e = "short"
f = "ten chars!"
g = "eleven char"
h = "é" * 3
i = "éééééé"
j = b"bytes"
k = ""
l = "\x00\n"
from collections import OrderedDict
od = OrderedDict({"a": 1, "b": 2})
class Foo:
    def some_method_name(self):
        return "some_method_name"
print("__init__", "__name__", "print", "self", "append_data")
