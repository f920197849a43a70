match = 3
match(x)
match.group(1)
match[0] = 1
print(match)
type = 5
type(x)
case = 1
def match(): pass
