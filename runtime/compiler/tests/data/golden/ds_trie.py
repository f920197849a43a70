# Prefix tree supporting insert, lookup, prefix enumeration and deletion.


class Trie:
    END = "$"

    def __init__(self):
        self.root = {}
        self.words = 0

    def insert(self, word, value=True):
        node = self.root
        for ch in word:
            node = node.setdefault(ch, {})
        if self.END not in node:
            self.words += 1
        node[self.END] = value

    def _find(self, prefix):
        node = self.root
        for ch in prefix:
            node = node.get(ch)
            if node is None:
                return None
        return node

    def __contains__(self, word):
        node = self._find(word)
        return node is not None and self.END in node

    def get(self, word, default=None):
        node = self._find(word)
        if node is None:
            return default
        return node.get(self.END, default)

    def starts_with(self, prefix):
        node = self._find(prefix)
        out = []
        if node is None:
            return out
        stack = [(node, prefix)]
        while stack:
            n, p = stack.pop()
            for k in sorted(n, reverse=True):
                if k == self.END:
                    out.append(p)
                else:
                    stack.append((n[k], p + k))
        return sorted(out)

    def delete(self, word):
        path = []
        node = self.root
        for ch in word:
            if ch not in node:
                return False
            path.append((node, ch))
            node = node[ch]
        if self.END not in node:
            return False
        del node[self.END]
        self.words -= 1
        for parent, ch in reversed(path):
            if parent[ch]:
                break
            del parent[ch]
        return True

    def longest_prefix_of(self, text):
        node = self.root
        best = ""
        acc = ""
        for ch in text:
            if ch not in node:
                break
            node = node[ch]
            acc += ch
            if self.END in node:
                best = acc
        return best

    def node_count(self):
        total = 0
        stack = [self.root]
        while stack:
            n = stack.pop()
            total += 1
            for k, v in n.items():
                if k != self.END:
                    stack.append(v)
        return total


t = Trie()
vocab = ["car", "card", "care", "careful", "cart", "cat", "catalog", "dog",
         "do", "dot", "dote", "zebra", "zen", "a", "an", "and", "ant"]
for i, w in enumerate(vocab):
    t.insert(w, i)
print("words:", t.words, "nodes:", t.node_count())
for q in ("car", "ca", "careful", "cards", "do", "d", "", "an"):
    print("%-8r in=%-5s get=%s" % (q, q in t, t.get(q, "-")))
for p in ("car", "do", "z", "an", "q"):
    print("prefix %-4s -> %s" % (p, t.starts_with(p)))
for text in ("cartography", "catalogue", "dotted", "antelope", "xyz"):
    print("longest prefix of %-12s = %r" % (text, t.longest_prefix_of(text)))
for w in ("card", "careful", "zzz", "do"):
    print("delete %-8s %s" % (w, t.delete(w)))
print("after delete:", t.starts_with(""))
print("words:", t.words, "nodes:", t.node_count())

# autocomplete ranking by frequency stored as value
freq = Trie()
corpus = "to be or not to be that is the question whether tis nobler in the mind to suffer"
for w in corpus.split():
    freq.insert(w, freq.get(w, 0) + 1)
for p in ("t", "th", "n", "s"):
    cands = freq.starts_with(p)
    ranked = sorted(cands, key=lambda w: (-freq.get(w), w))
    print(p, "->", [(w, freq.get(w)) for w in ranked])
