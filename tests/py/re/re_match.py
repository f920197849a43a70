# Matching and searching with MicroPython's pattern subset, and match objects.
import re

pattern = re.compile(r"(\w+)@(\w+)\.com")
found = pattern.match("me@example.com and more")
print(found.group(0), found.group(1), found.group(2))
print(pattern.match("x me@example.com"))
print(pattern.search("x me@example.com").group(2))

# Classes, ranges, negation and the named classes inside a class.
print(re.match(r"[a-c]+", "abcabd").group(0))
print(re.match(r"[^0-9]+", "abc123").group(0))
print(re.match(r"[\d.]+", "3.14 is pi").group(0))
print(re.match(r"[a\-z]+", "a-z!").group(0))
print(re.match(r"\s\S\w\W\d\D", " x_ 5a").group(0))

# Anchors: ^ at the start of the subject, $ only at its very end.
print(re.search("^b", "ab"))
print(re.search("b$", "ab").group(0))
print(re.search("b$", "ab\n"))
print(re.match("a.c", "a\nc").group(0))

# Alternation, optional parts, non-capturing groups, greedy and lazy repeats.
print(re.match("cat|dog", "dogs").group(0))
print(re.match("(a)?b", "b").group(1))
print(re.match(r"(?:ab)+", "ababx").group(0))
print(re.match("<.*>", "<a><b>").group(0))
print(re.match("<.*?>", "<a><b>").group(0))
print(re.match("a+?", "aaa").group(0))
print(re.match("a??b", "ab").group(0))
print(re.match("x*", "abc").group(0) == "")

# Unsupported syntax is taken literally: no counted repeats, no \b.
print(re.match("a{2}", "aa"))
print(re.match("a{2}", "a{2}").group(0))

# Positions, bytes subjects and mixed pattern and subject types.
print(re.compile("a").match("ba", 1).group(0))
print(re.compile("a").search("bab", 2))
print(re.search(b"[^0-9A-F]", b"12G4").group(0))
print(re.match("a", b"abc").group(0))

# Group errors.
try:
    re.match("(a)", "a").group(2)
except IndexError as error:
    print("IndexError", error)
