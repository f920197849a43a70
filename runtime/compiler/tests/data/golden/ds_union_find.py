# Disjoint-set union with path compression and union by rank; Kruskal's MST
# and percolation-style connectivity on a grid.


class DSU:
    def __init__(self, n):
        self.parent = list(range(n))
        self.rank = [0] * n
        self.size = [1] * n
        self.sets = n

    def find(self, x):
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if self.rank[ra] < self.rank[rb]:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.size[ra] += self.size[rb]
        if self.rank[ra] == self.rank[rb]:
            self.rank[ra] += 1
        self.sets -= 1
        return True

    def same(self, a, b):
        return self.find(a) == self.find(b)

    def groups(self):
        g = {}
        for i in range(len(self.parent)):
            g.setdefault(self.find(i), []).append(i)
        return sorted(g.values())


d = DSU(10)
pairs = [(0, 1), (2, 3), (1, 3), (4, 5), (6, 7), (5, 7), (8, 9), (0, 3), (9, 8)]
for a, b in pairs:
    print("union(%d,%d) -> %s sets=%d" % (a, b, d.union(a, b), d.sets))
print("groups:", d.groups())
print("same(0,2):", d.same(0, 2), "same(0,4):", d.same(0, 4))
print("size of 0's set:", d.size[d.find(0)])


def kruskal(n, edges):
    dsu = DSU(n)
    total = 0
    chosen = []
    for w, u, v in sorted(edges):
        if dsu.union(u, v):
            total += w
            chosen.append((u, v, w))
    return total, chosen


edges = [(7, 0, 1), (5, 0, 3), (8, 1, 2), (9, 1, 3), (7, 1, 4), (5, 2, 4),
         (15, 3, 4), (6, 3, 5), (8, 4, 5), (9, 4, 6), (11, 5, 6)]
total, chosen = kruskal(7, edges)
print("MST weight:", total)
for u, v, w in chosen:
    print("  edge %d-%d w=%d" % (u, v, w))

# grid connectivity: open cells joined with neighbours; count islands
pattern = [
    "11000110",
    "11010011",
    "00111000",
    "10000011",
    "11011001",
]
R, C = len(pattern), len(pattern[0])
dsu = DSU(R * C)
land = 0
for r in range(R):
    for c in range(C):
        if pattern[r][c] != "1":
            continue
        land += 1
        if r + 1 < R and pattern[r + 1][c] == "1":
            dsu.union(r * C + c, (r + 1) * C + c)
        if c + 1 < C and pattern[r][c + 1] == "1":
            dsu.union(r * C + c, r * C + c + 1)
roots = set()
for r in range(R):
    for c in range(C):
        if pattern[r][c] == "1":
            roots.add(dsu.find(r * C + c))
print("land cells:", land, "islands:", len(roots))
sizes = sorted((dsu.size[x] for x in roots), reverse=True)
print("island sizes:", sizes)
for r in range(R):
    row = []
    for c in range(C):
        if pattern[r][c] == "1":
            label = sorted(roots).index(dsu.find(r * C + c))
            row.append("abcdefghij"[label])
        else:
            row.append(".")
    print("".join(row))

# equivalence of strings via pairs
eq = [("apple", "pomme"), ("pomme", "apfel"), ("car", "auto"), ("auto", "voiture")]
names = sorted({w for p in eq for w in p} | {"lonely"})
idx = {w: i for i, w in enumerate(names)}
d2 = DSU(len(names))
for a, b in eq:
    d2.union(idx[a], idx[b])
for grp in d2.groups():
    print("class:", [names[i] for i in grp])
