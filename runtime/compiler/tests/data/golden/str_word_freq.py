# Word frequency analysis: normalisation, stop words, counts sorted by
# frequency then alphabetically, bigrams, histogram bars, and anagram
# grouping.

TEXT = """
It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was
the epoch of incredulity, it was the season of Light, it was the season of
Darkness, it was the spring of hope, it was the winter of despair, we had
everything before us, we had nothing before us, we were all going direct to
Heaven, we were all going direct the other way.
"""

STOP = set("it was the of we had to us all a an and".split())


def normalise(text):
    out = []
    for ch in text.lower():
        out.append(ch if ch.isalpha() or ch == "'" else " ")
    return "".join(out).split()


def count(words):
    c = {}
    for w in words:
        c[w] = c.get(w, 0) + 1
    return c


def top(counts, n):
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


words = normalise(TEXT)
print("total words:", len(words), "unique:", len(set(words)))
all_counts = count(words)
for w, c in top(all_counts, 8):
    print("  %-8s %3d %s" % (w, c, "*" * c))
content = [w for w in words if w not in STOP]
cc = count(content)
print("content words:", len(content))
for w, c in top(cc, 10):
    print("  %-12s %d" % (w, c))
bigrams = count(["%s %s" % pair for pair in zip(words, words[1:])])
print("top bigrams:", top(bigrams, 5))
lengths = count(len(w) for w in words)
print("length histogram:")
for ln in sorted(lengths):
    print("  %2d | %s (%d)" % (ln, "#" * lengths[ln], lengths[ln]))
print("longest:", sorted(set(words), key=lambda w: (-len(w), w))[:3])
first_seen = {}
for i, w in enumerate(words):
    if w not in first_seen:
        first_seen[w] = i
print("first positions:", sorted((first_seen[w], w) for w in ("despair", "hope", "light", "times")))
letters = count(c for c in TEXT.lower() if c.isalpha())
print("letter freq:", "".join(k for k, _ in top(letters, 12)))
anagram_words = "listen silent enlist google elgoog inlets banana tinsel rat tar art star tars".split()
groups = {}
for w in anagram_words:
    groups.setdefault("".join(sorted(w)), []).append(w)
for key in sorted(groups):
    if len(groups[key]) > 1:
        print("anagrams:", sorted(groups[key]))
sentences = [s.strip() for s in TEXT.replace("\n", " ").split(",") if s.strip()]
print("clauses:", len(sentences), "shortest:", min(sentences, key=len))
caps = sorted(set(w.strip(".,") for w in TEXT.split() if w[0].isupper()))
print("capitalised:", caps)
