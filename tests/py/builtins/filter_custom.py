class Even:
    def __call__(self, value):
        return value % 2 == 0
print(list(filter(Even(), range(7))), list(filter(lambda s: s.strip(), [" ", "a", ""])))
print(list(filter(None, (0, 0.0, None, False, "", 5))))
