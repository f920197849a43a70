# Self-balancing AVL tree keeping heights and reporting rotations.

ROTATIONS = {"LL": 0, "RR": 0, "LR": 0, "RL": 0}


class AVLNode:
    __slots__ = ("key", "left", "right", "h")

    def __init__(self, key):
        self.key = key
        self.left = self.right = None
        self.h = 1


def h(n):
    return n.h if n else 0


def fix(n):
    n.h = 1 + max(h(n.left), h(n.right))
    return n


def rot_right(y):
    x = y.left
    y.left = x.right
    x.right = y
    fix(y)
    return fix(x)


def rot_left(x):
    y = x.right
    x.right = y.left
    y.left = x
    fix(x)
    return fix(y)


def balance(n):
    fix(n)
    bf = h(n.left) - h(n.right)
    if bf > 1:
        if h(n.left.left) >= h(n.left.right):
            ROTATIONS["LL"] += 1
        else:
            ROTATIONS["LR"] += 1
            n.left = rot_left(n.left)
        return rot_right(n)
    if bf < -1:
        if h(n.right.right) >= h(n.right.left):
            ROTATIONS["RR"] += 1
        else:
            ROTATIONS["RL"] += 1
            n.right = rot_right(n.right)
        return rot_left(n)
    return n


def insert(n, key):
    if n is None:
        return AVLNode(key)
    if key < n.key:
        n.left = insert(n.left, key)
    elif key > n.key:
        n.right = insert(n.right, key)
    else:
        return n
    return balance(n)


def remove(n, key):
    if n is None:
        return None
    if key < n.key:
        n.left = remove(n.left, key)
    elif key > n.key:
        n.right = remove(n.right, key)
    else:
        if n.left is None:
            return n.right
        if n.right is None:
            return n.left
        m = n.right
        while m.left:
            m = m.left
        n.key = m.key
        n.right = remove(n.right, m.key)
    return balance(n)


def inorder(n, out):
    if n:
        inorder(n.left, out)
        out.append(n.key)
        inorder(n.right, out)
    return out


def check(n):
    if n is None:
        return True
    if abs(h(n.left) - h(n.right)) > 1:
        return False
    return check(n.left) and check(n.right)


def shape(n):
    if n is None:
        return "."
    if n.left is None and n.right is None:
        return str(n.key)
    return "(%s %s %s)" % (shape(n.left), n.key, shape(n.right))


root = None
for k in range(1, 16):
    root = insert(root, k)
print("sequential 1..15 height:", h(root), "balanced:", check(root))
print("shape:", shape(root))
print("rotations:", sorted(ROTATIONS.items()))

root2 = None
seq = [41, 20, 65, 11, 29, 50, 26, 23, 55, 90, 5, 3, 8, 1]
for k in seq:
    root2 = insert(root2, k)
    print("insert %2d -> h=%d root=%d" % (k, h(root2), root2.key))
print("inorder:", inorder(root2, []))
for k in (20, 41, 3, 100, 65):
    root2 = remove(root2, k)
    print("remove %3d -> %s ok=%s" % (k, inorder(root2, []), check(root2)))
print("final shape:", shape(root2))

big = None
x = 7
for i in range(500):
    x = (x * 31 + 17) % 1009
    big = insert(big, x)
keys = inorder(big, [])
print("big size:", len(keys), "height:", h(big), "balanced:", check(big))
print("sorted:", keys == sorted(set(keys)), keys[:8], keys[-3:])
print("rotations total:", sum(ROTATIONS.values()))
