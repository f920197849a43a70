s = {1, 2}
s.add(3)
s.add(2)
s.update([4, 5], (6,))
print(sorted(s), len(s))
s.discard(6)
s.discard(100)
s.remove(5)
print(sorted(s), s.pop() in {1, 2, 3, 4}, len(s))
t = {1, 2, 3}
print(sorted(t.union({9})), sorted(t.intersection({2, 3, 4})), sorted(t.difference({1})), sorted(t.symmetric_difference({3, 4})))
print(t.issubset({1, 2, 3, 4}), t.issuperset({1}), t.isdisjoint({7}), t.isdisjoint({1}))
u = t.copy()
u.clear()
print(u, sorted(t))
try:
    set().pop()
except KeyError:
    print("KeyError pop")
try:
    t.remove(42)
except KeyError:
    print("KeyError remove")
