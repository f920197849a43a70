# Graph algorithms: BFS, DFS (recursive + iterative), topological sort,
# Dijkstra with a hand-written heap, connected components, cycle detection.
import heapq


class Graph:
    def __init__(self, directed=False):
        self.adj = {}
        self.directed = directed

    def add_edge(self, u, v, w=1):
        self.adj.setdefault(u, []).append((v, w))
        self.adj.setdefault(v, [])
        if not self.directed:
            self.adj[v].append((u, w))

    def nodes(self):
        return sorted(self.adj)

    def neighbors(self, u):
        return sorted(v for v, _ in self.adj.get(u, ()))

    def bfs(self, start):
        seen = {start}
        order = []
        dist = {start: 0}
        queue = [start]
        i = 0
        while i < len(queue):
            u = queue[i]
            i += 1
            order.append(u)
            for v in self.neighbors(u):
                if v not in seen:
                    seen.add(v)
                    dist[v] = dist[u] + 1
                    queue.append(v)
        return order, dist

    def dfs(self, start):
        out = []
        seen = set()

        def visit(u):
            seen.add(u)
            out.append(u)
            for v in self.neighbors(u):
                if v not in seen:
                    visit(v)

        visit(start)
        return out

    def dfs_iter(self, start):
        out, seen, stack = [], set(), [start]
        while stack:
            u = stack.pop()
            if u in seen:
                continue
            seen.add(u)
            out.append(u)
            for v in reversed(self.neighbors(u)):
                if v not in seen:
                    stack.append(v)
        return out

    def dijkstra(self, src):
        dist = {src: 0}
        prev = {}
        pq = [(0, src)]
        done = set()
        while pq:
            d, u = heapq.heappop(pq)
            if u in done:
                continue
            done.add(u)
            for v, w in self.adj[u]:
                nd = d + w
                if v not in dist or nd < dist[v]:
                    dist[v] = nd
                    prev[v] = u
                    heapq.heappush(pq, (nd, v))
        return dist, prev

    def path(self, prev, src, dst):
        p = [dst]
        while p[-1] != src:
            if p[-1] not in prev:
                return None
            p.append(prev[p[-1]])
        return p[::-1]

    def components(self):
        seen = set()
        comps = []
        for n in self.nodes():
            if n not in seen:
                order, _ = self.bfs(n)
                seen.update(order)
                comps.append(sorted(order))
        return comps

    def toposort(self):
        indeg = {n: 0 for n in self.adj}
        for u in self.adj:
            for v, _ in self.adj[u]:
                indeg[v] += 1
        ready = sorted(n for n in indeg if indeg[n] == 0)
        out = []
        while ready:
            u = ready.pop(0)
            out.append(u)
            for v in self.neighbors(u):
                indeg[v] -= 1
                if indeg[v] == 0:
                    ready.append(v)
                    ready.sort()
        return out if len(out) == len(self.adj) else None


g = Graph()
for u, v, w in [("A", "B", 4), ("A", "C", 2), ("B", "C", 5), ("B", "D", 10),
                ("C", "E", 3), ("E", "D", 4), ("D", "F", 11), ("G", "H", 1)]:
    g.add_edge(u, v, w)
order, dist = g.bfs("A")
print("bfs:", order)
print("hops:", sorted(dist.items()))
print("dfs:", g.dfs("A"))
print("dfs iter:", g.dfs_iter("A"))
d, prev = g.dijkstra("A")
for n in g.nodes():
    print("  %s dist=%s path=%s" % (n, d.get(n, "inf"), g.path(prev, "A", n) if n in d else None))
print("components:", g.components())

dag = Graph(directed=True)
for u, v in [("shirt", "tie"), ("tie", "jacket"), ("pants", "shoes"), ("pants", "belt"),
             ("belt", "jacket"), ("shirt", "belt"), ("socks", "shoes"), ("undershorts", "pants"),
             ("undershorts", "shoes")]:
    dag.add_edge(u, v)
print("topo:", dag.toposort())
dag.add_edge("jacket", "shirt")
print("topo with cycle:", dag.toposort())

grid = ["S.#.....",
        ".##.###.",
        "....#...",
        "#.#...#E"]
gg = Graph()
R, C = len(grid), len(grid[0])
for r in range(R):
    for c in range(C):
        if grid[r][c] == "#":
            continue
        for dr, dc in ((0, 1), (1, 0)):
            rr, cc = r + dr, c + dc
            if rr < R and cc < C and grid[rr][cc] != "#":
                gg.add_edge((r, c), (rr, cc))
d, prev = gg.dijkstra((0, 0))
p = gg.path(prev, (0, 0), (3, 7))
print("maze steps:", d[(3, 7)])
rows = [list(line) for line in grid]
for r, c in p[1:-1]:
    rows[r][c] = "*"
for line in rows:
    print("".join(line))
