print(repr("a\nb"), repr("a\\b"), repr("it's"), repr('"q"'), repr("\x7f"), repr("\x1b[0m"))
print(repr("tab\t"), repr("\r"), repr("both ' and \""), str("a\nb") == "a\nb")
print(repr(["nested 'q'"]), repr(("\n",)))
