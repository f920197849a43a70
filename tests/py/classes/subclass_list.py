class Stack(list):
    def push(self, item):
        self.append(item)

    def peek(self):
        return self[-1]


s = Stack()
s.push(1)
s.push(2)
s.extend([3, 4])
print(s, len(s), s.peek(), s.pop(), s)
print(isinstance(s, list), type(s).__name__, s == [1, 2, 3])
print(sorted(s, reverse=True), s[1:], 2 in s)
s2 = Stack([9, 8])
print(s2, s2 + [7])


class Logged(list):
    def append(self, item):
        print("appending", item)
        super().append(item)


lg = Logged()
lg.append(5)
print(lg)
for v in Stack("ab"):
    print(v)
