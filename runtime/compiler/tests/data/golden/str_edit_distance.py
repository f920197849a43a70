# String similarity: Levenshtein (full table and two-row), Damerau
# transpositions, longest common subsequence with reconstruction, longest
# common substring, a line diff, and fuzzy matching for spell-correction.


def levenshtein(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def damerau(a, b):
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[-1][-1]


def lcs(a, b):
    t = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) - 1, -1, -1):
        for j in range(len(b) - 1, -1, -1):
            t[i][j] = t[i + 1][j + 1] + 1 if a[i] == b[j] else max(t[i + 1][j], t[i][j + 1])
    out = []
    i = j = 0
    while i < len(a) and j < len(b):
        if a[i] == b[j]:
            out.append(a[i])
            i += 1
            j += 1
        elif t[i + 1][j] >= t[i][j + 1]:
            i += 1
        else:
            j += 1
    return out


def longest_common_substring(a, b):
    best = (0, 0)
    prev = [0] * (len(b) + 1)
    for i in range(1, len(a) + 1):
        cur = [0] * (len(b) + 1)
        for j in range(1, len(b) + 1):
            if a[i - 1] == b[j - 1]:
                cur[j] = prev[j - 1] + 1
                if cur[j] > best[0]:
                    best = (cur[j], i)
        prev = cur
    return a[best[1] - best[0]:best[1]]


def diff_lines(old, new):
    common = lcs(old, new)
    out = []
    i = j = 0
    for c in common:
        while old[i] != c:
            out.append("- " + old[i])
            i += 1
        while new[j] != c:
            out.append("+ " + new[j])
            j += 1
        out.append("  " + c)
        i += 1
        j += 1
    out += ["- " + x for x in old[i:]] + ["+ " + x for x in new[j:]]
    return out


def suggest(word, vocab, k=3):
    scored = sorted((damerau(word, v), v) for v in vocab)
    return [v for d, v in scored[:k] if d <= max(2, len(word) // 3)]


pairs = [("kitten", "sitting"), ("flaw", "lawn"), ("", "abc"), ("same", "same"), ("ca", "ac"),
         ("abcdef", "badcfe"), ("micropython", "macropython"), ("pico", "poco")]
for a, b in pairs:
    print("%-12r %-12r lev=%d dam=%d lcs=%r substr=%r" % (
        a, b, levenshtein(a, b), damerau(a, b), "".join(lcs(a, b)), longest_common_substring(a, b)))
old = ["import sys", "def main():", "    print('hi')", "    return 0", "main()"]
new = ["import sys", "import gc", "def main():", "    print('hello')", "    return 0", "", "main()"]
for line in diff_lines(old, new):
    print(line)
vocab = "sensor sensible thermal thermometer voltage current resistor capacitor display button".split()
for w in ("sensr", "termal", "voltgae", "buton", "xyzzy", "capacitr", "dsiplay"):
    print("suggest %-9s -> %s" % (w, suggest(w, vocab)))
