# Unbalanced binary search tree with insert/delete/traversals/range queries.


class TreeNode:
    def __init__(self, key, val):
        self.key = key
        self.val = val
        self.left = None
        self.right = None


class BST:
    def __init__(self):
        self.root = None
        self.count = 0

    def insert(self, key, val=None):
        if self.root is None:
            self.root = TreeNode(key, val)
            self.count = 1
            return
        cur = self.root
        while True:
            if key == cur.key:
                cur.val = val
                return
            if key < cur.key:
                if cur.left is None:
                    cur.left = TreeNode(key, val)
                    break
                cur = cur.left
            else:
                if cur.right is None:
                    cur.right = TreeNode(key, val)
                    break
                cur = cur.right
        self.count += 1

    def get(self, key, default=None):
        cur = self.root
        while cur:
            if key == cur.key:
                return cur.val
            cur = cur.left if key < cur.key else cur.right
        return default

    def __contains__(self, key):
        return self.get(key, self) is not self

    def __len__(self):
        return self.count

    def delete(self, key):
        def _del(node, key):
            if node is None:
                return None, False
            if key < node.key:
                node.left, ok = _del(node.left, key)
                return node, ok
            if key > node.key:
                node.right, ok = _del(node.right, key)
                return node, ok
            if node.left is None:
                return node.right, True
            if node.right is None:
                return node.left, True
            succ = node.right
            while succ.left:
                succ = succ.left
            node.key, node.val = succ.key, succ.val
            node.right, _ = _del(node.right, succ.key)
            return node, True

        self.root, ok = _del(self.root, key)
        if ok:
            self.count -= 1
        return ok

    def inorder(self):
        stack = []
        cur = self.root
        while stack or cur:
            while cur:
                stack.append(cur)
                cur = cur.left
            cur = stack.pop()
            yield cur.key
            cur = cur.right

    def preorder(self):
        if not self.root:
            return []
        out, stack = [], [self.root]
        while stack:
            n = stack.pop()
            out.append(n.key)
            if n.right:
                stack.append(n.right)
            if n.left:
                stack.append(n.left)
        return out

    def height(self, node=0):
        if node == 0:
            node = self.root
        if node is None:
            return 0
        return 1 + max(self.height(node.left), self.height(node.right))

    def range_query(self, lo, hi):
        res = []

        def walk(n):
            if n is None:
                return
            if lo < n.key:
                walk(n.left)
            if lo <= n.key <= hi:
                res.append(n.key)
            if n.key < hi:
                walk(n.right)

        walk(self.root)
        return res

    def floor(self, key):
        best = None
        cur = self.root
        while cur:
            if cur.key == key:
                return key
            if cur.key < key:
                best = cur.key
                cur = cur.right
            else:
                cur = cur.left
        return best


t = BST()
keys = [50, 30, 70, 20, 40, 60, 80, 35, 45, 65, 10, 25, 85, 75]
for k in keys:
    t.insert(k, "v%d" % k)
print("size:", len(t), "height:", t.height())
print("inorder:", list(t.inorder()))
print("preorder:", t.preorder())
print("get 45:", t.get(45), "get 99:", t.get(99, "missing"))
print("contains:", 60 in t, 61 in t)
print("range 33..66:", t.range_query(33, 66))
print("floor 64:", t.floor(64), "floor 5:", t.floor(5), "floor 100:", t.floor(100))
for k in (20, 70, 50, 99):
    print("delete", k, t.delete(k), list(t.inorder()))
print("size after:", len(t), "height:", t.height())
t.insert(30, "updated")
print("updated 30:", t.get(30), len(t))

words = "the quick brown fox jumps over the lazy dog then the fox sleeps".split()
wt = BST()
for w in words:
    wt.insert(w, wt.get(w, 0) + 1)
for w in wt.inorder():
    print("%-6s %d" % (w, wt.get(w)))

degenerate = BST()
for i in range(20):
    degenerate.insert(i)
print("degenerate height:", degenerate.height())
