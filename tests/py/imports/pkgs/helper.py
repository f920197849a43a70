VALUE = 42
_private = 1
def greet(name):
    return "hello " + name
class Thing:
    def __init__(self, n):
        self.n = n
    def double(self):
        return self.n * 2
