a = "abc" "def"
b = ("multi"
     "line"
     'mixed quotes')
c = b"x" b'y' rb"\z"
d = "raw" r"\n" "plain"
e = u"u" "plain"
