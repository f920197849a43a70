class Config:
    def __init__(self, values):
        self.values = values

    def get(self, key):
        return self.values[key]


c = Config({"a": 1})
print(c.get("a"))
c.get("b")
