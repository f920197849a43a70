class Tracked:
    created = 0
    live = []

    def __init__(self, name):
        Tracked.created += 1
        self.name = name
        Tracked.live.append(name)

    @classmethod
    def reset(cls):
        cls.created = 0
        cls.live = []

    @staticmethod
    def describe():
        return "%d created: %s" % (Tracked.created, ",".join(Tracked.live))


for n in "abc":
    Tracked(n)
print(Tracked.describe())
Tracked.reset()
Tracked("z")
print(Tracked.describe())
