# A hand-written JSON encoder with pretty printing and key sorting, a
# tolerant decoder (comments, trailing commas), compared with the json
# module for round-trip equality.
import json


def encode_str(s):
    out = ['"']
    for ch in s:
        o = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif o < 0x20 or o > 0x7E:
            out.append("\\u%04x" % o if o < 0x10000 else "?")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def encode(v, indent=2, level=0):
    pad = " " * (indent * (level + 1))
    end = " " * (indent * level)
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return "%.6g" % v
    if isinstance(v, str):
        return encode_str(v)
    if isinstance(v, (list, tuple)):
        if not v:
            return "[]"
        if all(not isinstance(x, (list, tuple, dict)) for x in v) and len(v) <= 6:
            return "[" + ", ".join(encode(x, indent, level + 1) for x in v) + "]"
        return "[\n" + ",\n".join(pad + encode(x, indent, level + 1) for x in v) + "\n" + end + "]"
    if isinstance(v, dict):
        if not v:
            return "{}"
        items = [pad + encode_str(str(k)) + ": " + encode(v[k], indent, level + 1) for k in sorted(v)]
        return "{\n" + ",\n".join(items) + "\n" + end + "}"
    raise TypeError("cannot encode %s" % type(v).__name__)


def strip_comments(text):
    out = []
    i = 0
    in_str = False
    while i < len(text):
        c = text[i]
        if in_str:
            out.append(c)
            if c == "\\":
                out.append(text[i + 1])
                i += 1
            elif c == '"':
                in_str = False
        elif c == '"':
            in_str = True
            out.append(c)
        elif text[i:i + 2] == "//":
            while i < len(text) and text[i] != "\n":
                i += 1
            continue
        elif text[i:i + 2] == "/*":
            i = text.find("*/", i) + 2
            continue
        else:
            out.append(c)
        i += 1
    s = "".join(out)
    for closer in ("]", "}"):
        while True:
            j = s.find("," + closer)
            k = -1
            # remove commas followed by whitespace then closer
            for pos in range(len(s)):
                if s[pos] == ",":
                    rest = s[pos + 1:].lstrip()
                    if rest.startswith(closer):
                        k = pos
                        break
            if k < 0:
                break
            s = s[:k] + s[k + 1:]
    return s


doc = {
    "name": "rime",
    "version": [0, 3, 1],
    "targets": [{"board": "pico", "flash": 2097152, "wifi": False},
                {"board": "pico_w", "flash": 2097152, "wifi": True, "extra": None}],
    "ratio": 0.125,
    "text": "quote\" backslash\\ newline\n tab\t caf\u00e9",
    "empty": {"list": [], "dict": {}},
    "nested": [[1, 2], [3, [4, 5]]],
}
pretty = encode(doc)
print(pretty)
back = json.loads(pretty)
print("round trip equal:", back == doc)
print("compact from json module length:", len(json.dumps(doc)) > 100)
loose = """{
  // a comment
  "a": 1, /* inline */ "b": [1, 2, 3,],
  "c": {"d": "not // a comment", "e": true,},
}"""
cleaned = strip_comments(loose)
print("cleaned:", cleaned.replace("\n", " "))
parsed = json.loads(cleaned)
print("parsed:", encode(parsed, 0).replace("\n", ""))
try:
    encode({"x": {1, 2}})
except TypeError as e:
    print("error:", e)
for v in (0, -5, 1.5, 1e21, "", "\x01", [None], {"k": [True, False]}):
    print("%-22r -> %s" % (v, encode(v, 0).replace("\n", "")))
