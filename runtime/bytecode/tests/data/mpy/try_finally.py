def risky(n):
    try:
        if n == 0:
            raise ValueError("zero")
        return 10 // n
    except ValueError as e:
        print("value", e)
        return -1
    except (TypeError, ZeroDivisionError):
        return -2
    else:
        print("no error")
    finally:
        print("finally", n)


def loops():
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
        finally:
            print("cleanup", i)
    while True:
        try:
            break
        except Exception:
            pass


def reraise():
    try:
        raise KeyError(1)
    except KeyError as err:
        raise RuntimeError("wrapped") from err


def bare():
    try:
        pass
    except:
        raise


print(risky(0), risky(2))
loops()
try:
    reraise()
except RuntimeError:
    print("caught")
