word = "stream"
for index, char in enumerate(word):
    print(index, char, ord(char))
print([c for c in "abc" if c != "b"], list("xyz"), tuple("ab"), set("aa"))
print({c: word.count(c) for c in "sa"}["s"])
it = iter("hi")
print(next(it), next(it), next(it, None))
