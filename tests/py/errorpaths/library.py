# Library functions that fail part-way or call back into Python, caught 300
# times each: json, struct, string methods and conversions, heapq, re.
import json
import struct
import heapq
import re


class Bad:
    def __lt__(self, other):
        raise ValueError("lt")

    def __repr__(self):
        raise ValueError("repr")


def bad_sub(m):
    raise ValueError("sub")


def gen():
    yield "a"
    raise ValueError("gen")


tests = [
    ("json.loads", lambda: json.loads('{"a": [1, 2, }')),
    ("json.dumps", lambda: json.dumps({"a": [1, Bad()]})),
    ("struct.pack", lambda: struct.pack("<II", 1, "x")),
    ("struct.unpack", lambda: struct.unpack("<II", b"123")),
    ("int", lambda: int("12x")),
    ("float", lambda: float("1.2.3")),
    ("str.format", lambda: "{} {}".format(1)),
    ("str.join", lambda: "".join(["a", 1])),
    ("str.join gen", lambda: "-".join(gen())),
    ("split", lambda: "a b".split(1)),
    ("encode", lambda: "abc".encode("nope")),
    ("heappush", lambda: heapq.heappush([Bad()], Bad())),
    ("heapify", lambda: heapq.heapify([Bad(), Bad(), Bad()])),
    ("re.sub", lambda: re.sub("a", bad_sub, "banana")),
    ("re.compile", lambda: re.compile("(")),
    ("bytes.decode", lambda: b"\xff".decode()),
    ("tuple add", lambda: (1,) + [2]),
    ("dict.update", lambda: {}.update([(1, 2), (3,)])),
    ("divmod", lambda: divmod(1, 0)),
    ("pow", lambda: pow(2, 3, 0)),
]

for name, test in tests:
    caught = 0
    for i in range(300):
        try:
            test()
        except (ValueError, TypeError, KeyError, ZeroDivisionError, UnicodeError, LookupError, RuntimeError):
            caught += 1
        except Exception as e:
            caught += 1000
    print(name, caught)
