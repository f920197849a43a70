def gen():
    try:
        yield "body"
    finally:
        yield "from finally"


print(list(gen()))


def counter():
    for i in range(3):
        try:
            yield i
        finally:
            print("finally", i)


for v in counter():
    print("got", v)
