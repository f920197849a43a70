# Stacks and queues: bracket matching, RPN evaluation, shunting-yard,
# two-stack queue, monotonic stack problems, and collections.deque.
from collections import deque

PAIRS = {")": "(", "]": "[", "}": "{", ">": "<"}


def balanced(s):
    st = []
    for i, ch in enumerate(s):
        if ch in "([{<":
            st.append((ch, i))
        elif ch in PAIRS:
            if not st or st[-1][0] != PAIRS[ch]:
                return "mismatch at %d" % i
            st.pop()
    if st:
        return "unclosed at %d" % st[-1][1]
    return "ok"


PREC = {"+": 1, "-": 1, "*": 2, "/": 2, "%": 2, "^": 3}


def to_rpn(expr):
    out, ops = [], []
    tokens = expr.replace("(", " ( ").replace(")", " ) ").split()
    for t in tokens:
        if t.isdigit():
            out.append(t)
        elif t == "(":
            ops.append(t)
        elif t == ")":
            while ops[-1] != "(":
                out.append(ops.pop())
            ops.pop()
        else:
            while ops and ops[-1] != "(" and (
                PREC[ops[-1]] > PREC[t] or (PREC[ops[-1]] == PREC[t] and t != "^")
            ):
                out.append(ops.pop())
            ops.append(t)
    while ops:
        out.append(ops.pop())
    return out


def eval_rpn(tokens):
    st = []
    for t in tokens:
        if t.isdigit():
            st.append(int(t))
            continue
        b = st.pop()
        a = st.pop()
        if t == "+":
            st.append(a + b)
        elif t == "-":
            st.append(a - b)
        elif t == "*":
            st.append(a * b)
        elif t == "/":
            st.append(a // b)
        elif t == "%":
            st.append(a % b)
        elif t == "^":
            st.append(a ** b)
    return st[0]


class TwoStackQueue:
    def __init__(self):
        self.inbox, self.outbox = [], []
        self.moves = 0

    def put(self, x):
        self.inbox.append(x)

    def get(self):
        if not self.outbox:
            while self.inbox:
                self.outbox.append(self.inbox.pop())
                self.moves += 1
        return self.outbox.pop()

    def __len__(self):
        return len(self.inbox) + len(self.outbox)


def next_greater(xs):
    res = [-1] * len(xs)
    st = []
    for i, x in enumerate(xs):
        while st and xs[st[-1]] < x:
            res[st.pop()] = x
        st.append(i)
    return res


def largest_rectangle(hs):
    st = []
    best = 0
    for i, h in enumerate(hs + [0]):
        start = i
        while st and st[-1][1] >= h:
            idx, hh = st.pop()
            best = max(best, hh * (i - idx))
            start = idx
        st.append((start, h))
    return best


def sliding_max(xs, k):
    dq = deque((), len(xs))
    out = []
    for i, x in enumerate(xs):
        while dq and xs[dq[-1]] <= x:
            dq.pop()
        dq.append(i)
        if dq[0] <= i - k:
            dq.popleft()
        if i >= k - 1:
            out.append(xs[dq[0]])
    return out


for s in ["(a[b]{c})", "([)]", "((<>)", "}{", "", "{[<()>]}x"]:
    print("%-10r %s" % (s, balanced(s)))
for e in ["3 + 4 * 2", "( 1 + 2 ) * ( 3 + 4 )", "2 ^ 3 ^ 2", "100 / ( 7 - 2 ) % 6", "5 - 3 - 1"]:
    rpn = to_rpn(e)
    print("%-24s rpn=%-22s = %d" % (e, " ".join(rpn), eval_rpn(rpn)))

q = TwoStackQueue()
for i in range(5):
    q.put(i)
got = [q.get(), q.get()]
for i in range(5, 8):
    q.put(i)
while len(q):
    got.append(q.get())
print("queue order:", got, "moves:", q.moves)
print("next greater:", next_greater([2, 7, 3, 5, 4, 6, 8, 1]))
print("largest rect:", largest_rectangle([2, 1, 5, 6, 2, 3]), largest_rectangle([6, 2, 5, 4, 5, 1, 6]))
print("sliding max:", sliding_max([1, 3, -1, -3, 5, 3, 6, 7], 3))

d = deque((), 5)
for i in range(8):
    d.append(i)
print("bounded deque:", list(d))
d.appendleft(-1)
print("appendleft:", list(d), "popleft:", d.popleft(), "pop:", d.pop(), len(d))
