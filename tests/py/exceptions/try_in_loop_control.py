def run():
    out = []
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        except Exception:
            out.append("never")
        finally:
            out.append("f")
    return out


print(run())


def ret_in_try():
    for i in range(3):
        try:
            return "returned %d" % i
        finally:
            print("finally before return")


print(ret_in_try())
