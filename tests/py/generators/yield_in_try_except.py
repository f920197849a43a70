def gen():
    for i in range(4):
        try:
            if i == 2:
                raise ValueError(i)
            yield i
        except ValueError as e:
            yield "error %s" % e
        else:
            yield "ok %d" % i
        finally:
            print("finally", i)


print(list(gen()))
