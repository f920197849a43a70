# CSV reader/writer handling quotes, escaped quotes, embedded separators
# and newlines; then aggregates a small dataset and prints a report table.


def parse_csv(text, sep=","):
    rows = []
    row = []
    field = []
    i = 0
    n = len(text)
    in_quotes = False
    while i < n:
        c = text[i]
        if in_quotes:
            if c == '"':
                if i + 1 < n and text[i + 1] == '"':
                    field.append('"')
                    i += 1
                else:
                    in_quotes = False
            else:
                field.append(c)
        else:
            if c == '"':
                in_quotes = True
            elif c == sep:
                row.append("".join(field))
                field = []
            elif c == "\n":
                row.append("".join(field))
                rows.append(row)
                row, field = [], []
            elif c == "\r":
                pass
            else:
                field.append(c)
        i += 1
    if field or row:
        row.append("".join(field))
        rows.append(row)
    return rows


def quote(v, sep=","):
    s = str(v)
    if any(ch in s for ch in (sep, '"', "\n")) or s != s.strip():
        return '"' + s.replace('"', '""') + '"'
    return s


def write_csv(rows, sep=","):
    return "\n".join(sep.join(quote(v, sep) for v in r) for r in rows) + "\n"


def to_records(rows):
    header = rows[0]
    return [dict(zip(header, r)) for r in rows[1:]]


raw = '''name,city,amount,note
Alice,Berlin,120.50,regular
Bob,"Paris, France",80,"said ""hi"""
Carol,Berlin,200.25,
Dan,Oslo,15,"multi
line"
Eve,"Paris, France",99.75,  padded
Alice,Oslo,30,second
'''
rows = parse_csv(raw)
print("rows:", len(rows), "cols:", [len(r) for r in rows])
for r in rows:
    print(" ", r)
recs = to_records(rows)
totals = {}
counts = {}
for rec in recs:
    c = rec["city"]
    totals[c] = totals.get(c, 0.0) + float(rec["amount"])
    counts[c] = counts.get(c, 0) + 1
width = max(len(c) for c in totals)
print("+" + "-" * (width + 2) + "+-------+----------+")
print("| %-*s | %5s | %8s |" % (width, "city", "count", "total"))
print("+" + "-" * (width + 2) + "+-------+----------+")
for city in sorted(totals, key=lambda c: (-totals[c], c)):
    print("| %-*s | %5d | %8.2f |" % (width, city, counts[city], totals[city]))
print("+" + "-" * (width + 2) + "+-------+----------+")
by_name = {}
for rec in recs:
    by_name.setdefault(rec["name"], []).append(rec["city"])
print("people:", sorted(by_name.items()))
out = write_csv([["k", "v"], ["comma", "a,b"], ["quote", 'say "x"'], ["nl", "l1\nl2"], ["space", " s "], ["n", 42]])
print(out, end="")
back = parse_csv(out)
print("round trip:", back)
semi = parse_csv("a;b;c\n1;2;3\n\"x;y\";z;\n", sep=";")
print("semicolon:", semi)
print("empty:", parse_csv(""), parse_csv("\n"), parse_csv("single"))
nums = parse_csv("1,2,3\n4,5,6\n7,8,9")
cols = list(zip(*[[int(v) for v in r] for r in nums]))
print("column sums:", [sum(c) for c in cols], "row sums:", [sum(int(v) for v in r) for r in nums])
