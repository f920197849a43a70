short = "hi"
ten = "abcdefghij"
eleven = "abcdefghijk"
long_text = "this is a rather long string constant that will live in the object table"
unicode = "héllo wörld ✓ 漢字"
escapes = "tab\tnewline\nquote\"backslash\\"
nul = "a\x00b"
multi = """line one
line two
line three"""
concat = "abc" "def" "ghi" "jkl"
empty = ""
print(short, ten, eleven, long_text, unicode, escapes, nul, multi, concat, empty)
