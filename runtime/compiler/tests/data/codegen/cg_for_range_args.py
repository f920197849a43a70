# range() loops become counter loops unless an argument is not a plain
# expression: an unparenthesized generator expression keeps the iterator.
def loops(items):
    for x in range(0 for i in items):
        print(x)
    for x in range((0 for i in items)):
        print(x)
    for x in range(1, (len(i) for i in items)):
        print(x)
    for x in range(2, 10, 3):
        print(x)
    for x in range(*items):
        print(x)
