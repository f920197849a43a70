class Base:
    shared = []
    count = 0

    def add(self, x):
        self.shared.append(x)
        self.count += 1


class Child(Base):
    pass


a, b = Base(), Child()
a.add(1)
b.add(2)
print(Base.shared, Child.shared, a.count, b.count, Base.count)
Child.count = 10
print(Base.count, Child.count, Child().count)
Child.shared = ["own"]
print(Base.shared, Child.shared)
del Child.count
print(Child.count)
