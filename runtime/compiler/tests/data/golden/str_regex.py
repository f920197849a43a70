# Regular expressions with MicroPython's re: match/search/sub/split, groups,
# character classes, anchors and alternation, used for log parsing and
# simple validation.
import re

LOG = """2024-01-15 10:23:45 INFO  sensor temp=21.5 hum=40
2024-01-15 10:24:02 WARN  sensor temp=29.9 hum=38
2024-01-15 10:24:10 ERROR net timeout after 3000ms
2024-01-15 10:25:00 INFO  sensor temp=22.1 hum=41
bad line here
2024-01-15 10:26:30 DEBUG gc freed=1024
2024-01-15 10:27:01 ERROR net refused port=8080"""

line_re = re.compile(r"(\d+)-(\d+)-(\d+) (\d+):(\d+):(\d+) ([A-Z]+) +(\w+) (.*)")
levels = {}
temps = []
for line in LOG.split("\n"):
    m = line_re.match(line)
    if not m:
        print("unparsed:", repr(line))
        continue
    lvl = m.group(7)
    levels[lvl] = levels.get(lvl, 0) + 1
    msg = m.group(9)
    t = re.search(r"temp=(\d+\.\d+)", msg)
    if t:
        temps.append(float(t.group(1)))
    print("%s:%s %-5s [%s] %s" % (m.group(4), m.group(5), lvl, m.group(8), msg))
print("levels:", sorted(levels.items()))
print("temps:", temps, "avg %.2f" % (sum(temps) / len(temps)))
print("numbers:", re.sub(r"\d+", "#", "a1b22c333"))
print("collapse spaces:", re.sub(r" +", " ", "too    many   spaces"))
print("split:", re.compile(r"[,;] *").split("a, b;c,  d"))
print("compiled split:", re.compile(r"\s+").split("x  y\tz"))
print("sub with func:", re.sub(r"[aeiou]", lambda m: m.group(0).upper(), "microcontroller"))
print("sub with backref:", re.sub(r"(\w+)@(\w+)", r"\2 at \1", "user@host admin@pico"))
print("sub count:", re.sub("o", "0", "foo boo zoo", 2))

validators = [
    ("ipv4-ish", r"^\d+\.\d+\.\d+\.\d+$", ["192.168.1.1", "10.0.0", "a.b.c.d", "1.2.3.4"]),
    ("hex color", r"^#[0-9a-fA-F]+$", ["#ff00AA", "#12", "ff00aa", "#ggg"]),
    ("identifier", r"^[a-zA-Z_][a-zA-Z0-9_]*$", ["x", "_private", "9lives", "snake_case2"]),
    ("alternation", r"^(GET|POST|PUT)$", ["GET", "POST", "DELETE", "put"]),
    ("optional", r"^colou?r$", ["color", "colour", "colouur"]),
]
for name, pattern, cases in validators:
    rx = re.compile(pattern)
    print("%-12s %s" % (name, " ".join("%s=%s" % (c, "Y" if rx.match(c) else "n") for c in cases)))
m = re.match(r"(\w+)=(\w+)", "key=value rest")
print("groups:", m.group(0), m.group(1), m.group(2))
print("search anywhere:", re.search(r"\d\d", "ab12cd34").group(0), re.match(r"\d\d", "ab12") is None)
kv = {}
for part in "a=1;b=22;c=333;bad;d=4".split(";"):
    mm = re.match(r"^(\w)=(\d+)$", part)
    if mm:
        kv[mm.group(1)] = int(mm.group(2))
print("kv:", sorted(kv.items()))
print("dot and star:", re.match(r"a.*c", "abbbc").group(0), re.match(r"a.*?c", "abcbc").group(0))
print("char class negation:", re.sub(r"[^a-z]", "", "H3ll0 W0rld!"))
words = re.compile(r"[a-z]+")
found = []
rest = "one, two; three four"
while True:
    mm = words.search(rest)
    if not mm:
        break
    found.append(mm.group(0))
    rest = rest[rest.find(mm.group(0)) + len(mm.group(0)):]
print("iterative search:", found)
