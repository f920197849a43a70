# Attribute stores on plain instances: new names, rebinding, deletion and
# re-adding, names made at run time, and dicts that grow past their first size.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


points = [Point(i, -i) for i in range(5)]
for p in points:
    p.x += 10
print([(p.x, p.y) for p in points])
p = points[0]
del p.x
p.z = 3
p.x = 4
print(sorted(p.__dict__.items()))
name = "".join(["dyn", "amic"])
setattr(p, name, "made")
print(p.dynamic, getattr(p, "dynamic"))
for index in range(12):
    setattr(p, "a%d" % index, index)
print(len(p.__dict__), p.a11, p.x, p.y, p.z)
q = Point(1, 2)
print(sorted(q.__dict__))
q.y = "again"
print(q.x, q.y)
