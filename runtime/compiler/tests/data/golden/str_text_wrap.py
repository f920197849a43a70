# Text layout: greedy word wrap, full justification, hanging indents,
# truncation with ellipsis, column layout and a boxed paragraph.

TEXT = ("MicroPython is a lean and efficient implementation of the Python 3 "
        "programming language that includes a small subset of the Python standard "
        "library and is optimised to run on microcontrollers and in constrained "
        "environments. Supercalifragilisticexpialidocious words get split.")


def wrap(text, width):
    lines = []
    cur = ""
    for word in text.split():
        while len(word) > width:
            if cur:
                lines.append(cur)
                cur = ""
            lines.append(word[:width - 1] + "-")
            word = word[width - 1:]
        if not cur:
            cur = word
        elif len(cur) + 1 + len(word) <= width:
            cur += " " + word
        else:
            lines.append(cur)
            cur = word
    if cur:
        lines.append(cur)
    return lines


def justify(line, width):
    words = line.split()
    if len(words) == 1:
        return words[0] + " " * (width - len(words[0]))
    gaps = len(words) - 1
    spaces = width - sum(len(w) for w in words)
    base, extra = divmod(spaces, gaps)
    out = ""
    for i, w in enumerate(words[:-1]):
        out += w + " " * (base + (1 if i < extra else 0))
    return out + words[-1]


def hanging(text, width, first, rest):
    body = wrap(text, width - len(rest))
    return [(first if i == 0 else rest) + l for i, l in enumerate(body)]


def truncate(s, n):
    return s if len(s) <= n else s[:n - 3].rstrip() + "..."


def columns(items, ncols, colw):
    rows = (len(items) + ncols - 1) // ncols
    out = []
    for r in range(rows):
        cells = []
        for c in range(ncols):
            i = c * rows + r
            if i < len(items):
                cells.append("%-*s" % (colw, truncate(items[i], colw)))
        out.append(" ".join(cells).rstrip())
    return out


def boxed(lines):
    w = max(len(l) for l in lines)
    top = "+" + "-" * (w + 2) + "+"
    return [top] + ["| %-*s |" % (w, l) for l in lines] + [top]


for width in (40, 24):
    print("== width %d ==" % width)
    lines = wrap(TEXT, width)
    for l in lines:
        print("|%-*s|" % (width, l))
    print("-- justified --")
    for l in lines[:-1]:
        print("|" + justify(l, width) + "|")
    print("|%-*s|" % (width, lines[-1]))
print("== hanging ==")
for l in hanging(TEXT[:120], 36, "  * ", "    "):
    print(l)
for n in (10, 20, 200):
    print("truncate %3d: %s" % (n, truncate(TEXT, n)))
words = sorted(set(w.strip(".,").lower() for w in TEXT.split()))
for l in columns(words, 4, 12):
    print(l)
for l in boxed(wrap("Boxed paragraphs are handy for status screens on tiny displays.", 20)):
    print(l)
