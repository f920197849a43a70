# Singly and doubly linked lists with iteration, reversal and merging.


class Node:
    def __init__(self, value, nxt=None):
        self.value = value
        self.next = nxt


class LinkedList:
    def __init__(self, items=()):
        self.head = None
        self.size = 0
        for it in reversed(list(items)):
            self.push_front(it)

    def push_front(self, value):
        self.head = Node(value, self.head)
        self.size += 1

    def push_back(self, value):
        node = Node(value)
        if self.head is None:
            self.head = node
        else:
            cur = self.head
            while cur.next is not None:
                cur = cur.next
            cur.next = node
        self.size += 1

    def pop_front(self):
        if self.head is None:
            raise IndexError("pop from empty list")
        node = self.head
        self.head = node.next
        self.size -= 1
        return node.value

    def __iter__(self):
        cur = self.head
        while cur:
            yield cur.value
            cur = cur.next

    def __len__(self):
        return self.size

    def __repr__(self):
        return "LL[" + " -> ".join(str(v) for v in self) + "]"

    def reverse(self):
        prev = None
        cur = self.head
        while cur:
            cur.next, prev, cur = prev, cur, cur.next
        self.head = prev

    def remove(self, value):
        prev = None
        cur = self.head
        while cur:
            if cur.value == value:
                if prev is None:
                    self.head = cur.next
                else:
                    prev.next = cur.next
                self.size -= 1
                return True
            prev, cur = cur, cur.next
        return False

    def middle(self):
        slow = fast = self.head
        while fast and fast.next:
            slow = slow.next
            fast = fast.next.next
        return slow.value if slow else None


def merge_sorted(a, b):
    dummy = Node(None)
    tail = dummy
    x, y = a.head, b.head
    while x and y:
        if x.value <= y.value:
            tail.next, x = x, x.next
        else:
            tail.next, y = y, y.next
        tail = tail.next
    tail.next = x or y
    out = LinkedList()
    out.head = dummy.next
    out.size = len(a) + len(b)
    return out


class DNode:
    __slots__ = ("value", "prev", "next")

    def __init__(self, value):
        self.value = value
        self.prev = None
        self.next = None


class Deque:
    def __init__(self):
        self.sentinel = DNode(None)
        self.sentinel.prev = self.sentinel.next = self.sentinel
        self.n = 0

    def _insert_after(self, node, value):
        new = DNode(value)
        new.prev = node
        new.next = node.next
        node.next.prev = new
        node.next = new
        self.n += 1

    def _unlink(self, node):
        node.prev.next = node.next
        node.next.prev = node.prev
        self.n -= 1
        return node.value

    def appendleft(self, v):
        self._insert_after(self.sentinel, v)

    def append(self, v):
        self._insert_after(self.sentinel.prev, v)

    def popleft(self):
        if not self.n:
            raise IndexError("empty")
        return self._unlink(self.sentinel.next)

    def pop(self):
        if not self.n:
            raise IndexError("empty")
        return self._unlink(self.sentinel.prev)

    def items(self):
        out = []
        cur = self.sentinel.next
        while cur is not self.sentinel:
            out.append(cur.value)
            cur = cur.next
        return out

    def rotate(self, k):
        for _ in range(k % self.n if self.n else 0):
            self.appendleft(self.pop())


ll = LinkedList([3, 1, 4, 1, 5, 9, 2, 6])
print(ll, len(ll))
ll.push_back(7)
ll.push_front(0)
print(ll)
print("middle:", ll.middle())
ll.reverse()
print("reversed:", ll)
print("remove 1:", ll.remove(1), ll)
print("remove 42:", ll.remove(42))
print("pop:", ll.pop_front(), ll.pop_front(), len(ll))
m = merge_sorted(LinkedList([1, 4, 7, 10]), LinkedList([2, 3, 8, 11, 12]))
print("merged:", m, len(m))
try:
    LinkedList().pop_front()
except IndexError as e:
    print("error:", e)

dq = Deque()
for i in range(6):
    if i % 2:
        dq.append(i)
    else:
        dq.appendleft(i)
print("deque:", dq.items())
dq.rotate(2)
print("rotated:", dq.items())
print("pops:", dq.pop(), dq.popleft(), dq.items())
while dq.n:
    dq.pop()
try:
    dq.popleft()
except IndexError as e:
    print("deque error:", e)
total = sum(LinkedList(range(100)))
print("sum 0..99 via list:", total)
