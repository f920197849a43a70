def echo():
    received = []
    while True:
        value = yield len(received)
        if value == "stop":
            return received
        received.append(value)


def wrapper():
    result = yield from echo()
    yield "wrapper got " + str(result)


w = wrapper()
print(next(w))
print(w.send("a"), w.send("b"))
print(w.send("stop"))
