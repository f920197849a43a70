# re.sub with templates and functions, and regex.split.
import re

print(re.sub("a", "b", "banana"))
print(re.sub("a", "b", "banana", 2))
print(re.sub(r"(\w)(\d)", r"\2\1", "a1 b2 c3"))
print(re.sub(r"(\w+)", r"<\g<1>>", "hi there"))
print(re.sub("a", r"\\", "a+a"))
print(re.sub("(a)|b", r"[\1]", "ab"))
print(re.sub(r"\d+", lambda m: str(int(m.group(0)) * 2), "3 apples, 12 pears"))
print(re.sub(b"a", b"o", b"banana"))
print(re.compile("-").sub("+", "1-2-3", 1))

# An empty match ends the substitution (MicroPython's behaviour).
print(re.sub("x*", "-", "abc"))

# fnmatch's escaping pattern.
print(re.sub(r"([\^\$\.\|\?\*\+\(\)\[\\])", r"\\\1", "a.b*c"))

try:
    re.sub("(a)", r"\2", "a")
except IndexError as error:
    print("IndexError", error)
try:
    re.sub("a", 5, "a")
except TypeError as error:
    print("TypeError", error)

comma = re.compile(",")
print(comma.split("a,b,,c"))
print(comma.split("a,b,c", 1))
print(comma.split(""))
print(re.compile(r"\s+").split(" a  b "))
print(re.compile(b";").split(b"x;y"))
try:
    re.compile("(,)").split("a,b")
except NotImplementedError as error:
    print("NotImplementedError", error)
