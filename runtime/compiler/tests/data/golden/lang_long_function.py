# Very long functions: big bodies force long (multi-byte) jump offsets in
# if/elif chains, loops and try blocks.


def classify(n):
    out = []
    if n == 0:
        out.append("case0")
        out.append(n * 1 + 0)
    elif n == 1:
        out.append("case1")
        out.append(n * 2 + 3)
    elif n == 2:
        out.append("case2")
        out.append(n * 3 + 6)
    elif n == 3:
        out.append("case3")
        out.append(n * 4 + 9)
    elif n == 4:
        out.append("case4")
        out.append(n * 5 + 12)
    elif n == 5:
        out.append("case5")
        out.append(n * 6 + 15)
    elif n == 6:
        out.append("case6")
        out.append(n * 7 + 18)
    elif n == 7:
        out.append("case7")
        out.append(n * 8 + 21)
    elif n == 8:
        out.append("case8")
        out.append(n * 9 + 24)
    elif n == 9:
        out.append("case9")
        out.append(n * 10 + 27)
    elif n == 10:
        out.append("case10")
        out.append(n * 11 + 30)
    elif n == 11:
        out.append("case11")
        out.append(n * 12 + 33)
    elif n == 12:
        out.append("case12")
        out.append(n * 13 + 36)
    elif n == 13:
        out.append("case13")
        out.append(n * 14 + 39)
    elif n == 14:
        out.append("case14")
        out.append(n * 15 + 42)
    elif n == 15:
        out.append("case15")
        out.append(n * 16 + 45)
    elif n == 16:
        out.append("case16")
        out.append(n * 17 + 48)
    elif n == 17:
        out.append("case17")
        out.append(n * 18 + 51)
    elif n == 18:
        out.append("case18")
        out.append(n * 19 + 54)
    elif n == 19:
        out.append("case19")
        out.append(n * 20 + 57)
    elif n == 20:
        out.append("case20")
        out.append(n * 21 + 60)
    elif n == 21:
        out.append("case21")
        out.append(n * 22 + 63)
    elif n == 22:
        out.append("case22")
        out.append(n * 23 + 66)
    elif n == 23:
        out.append("case23")
        out.append(n * 24 + 69)
    elif n == 24:
        out.append("case24")
        out.append(n * 25 + 72)
    elif n == 25:
        out.append("case25")
        out.append(n * 26 + 75)
    elif n == 26:
        out.append("case26")
        out.append(n * 27 + 78)
    elif n == 27:
        out.append("case27")
        out.append(n * 28 + 81)
    elif n == 28:
        out.append("case28")
        out.append(n * 29 + 84)
    elif n == 29:
        out.append("case29")
        out.append(n * 30 + 87)
    elif n == 30:
        out.append("case30")
        out.append(n * 31 + 90)
    else:
        out.append("default")
    return out


def long_loop(limit):
    total = 0
    i = 0
    while i < limit:
        if i % 2 == 0:
            total += 1 * i
        if i % 3 == 1:
            total += 2 * i
        if i % 4 == 2:
            total += 3 * i
        if i % 5 == 3:
            total += 4 * i
        if i % 6 == 4:
            total += 5 * i
        if i % 7 == 5:
            total += 6 * i
        if i % 8 == 6:
            total += 7 * i
        if i % 9 == 7:
            total += 8 * i
        if i % 10 == 8:
            total += 9 * i
        if i % 11 == 9:
            total += 10 * i
        if i % 12 == 10:
            total += 11 * i
        if i % 13 == 11:
            total += 12 * i
        if i % 14 == 12:
            total += 13 * i
        if i % 15 == 13:
            total += 14 * i
        if i % 16 == 14:
            total += 15 * i
        if i % 17 == 15:
            total += 16 * i
        if i % 18 == 16:
            total += 17 * i
        if i % 19 == 17:
            total += 18 * i
        if i % 20 == 18:
            total += 19 * i
        if i % 21 == 19:
            total += 20 * i
        if i % 22 == 20:
            total += 21 * i
        if i % 23 == 21:
            total += 22 * i
        if i % 24 == 22:
            total += 23 * i
        if i % 25 == 23:
            total += 24 * i
        i += 1
    return total


def long_try(values):
    acc = []
    for v in values:
        try:
            if v == 0:
                acc.append(100 // (v - 0))
            if v == 1:
                acc.append(100 // (v - -1))
            if v == 2:
                acc.append(100 // (v - -1))
            if v == 3:
                acc.append(100 // (v - -1))
            if v == 4:
                acc.append(100 // (v - -1))
            if v == 5:
                acc.append(100 // (v - 5))
            if v == 6:
                acc.append(100 // (v - -1))
            if v == 7:
                acc.append(100 // (v - -1))
            if v == 8:
                acc.append(100 // (v - -1))
            if v == 9:
                acc.append(100 // (v - -1))
            if v == 10:
                acc.append(100 // (v - 10))
            if v == 11:
                acc.append(100 // (v - -1))
            if v == 12:
                acc.append(100 // (v - -1))
            if v == 13:
                acc.append(100 // (v - -1))
            if v == 14:
                acc.append(100 // (v - -1))
            if v == 15:
                acc.append(100 // (v - 15))
            if v == 16:
                acc.append(100 // (v - -1))
            if v == 17:
                acc.append(100 // (v - -1))
            if v == 18:
                acc.append(100 // (v - -1))
            if v == 19:
                acc.append(100 // (v - -1))
        except ZeroDivisionError:
            acc.append("zde")
        else:
            acc.append(".")
        finally:
            acc.append("|")
    return "".join(str(a) for a in acc)


def long_expression(a, b, c):
    return (
          (a * 1 + b * 2 - c * 3) % 97
        + (a * 2 + b * 3 - c * 4) % 98
        + (a * 3 + b * 4 - c * 5) % 99
        + (a * 4 + b * 5 - c * 6) % 100
        + (a * 5 + b * 6 - c * 7) % 101
        + (a * 6 + b * 7 - c * 8) % 102
        + (a * 7 + b * 8 - c * 9) % 103
        + (a * 8 + b * 9 - c * 10) % 104
        + (a * 9 + b * 10 - c * 11) % 105
        + (a * 10 + b * 11 - c * 12) % 106
        + (a * 11 + b * 12 - c * 13) % 107
        + (a * 12 + b * 13 - c * 14) % 108
        + (a * 13 + b * 14 - c * 15) % 109
        + (a * 14 + b * 15 - c * 16) % 110
        + (a * 15 + b * 16 - c * 17) % 111
        + (a * 16 + b * 17 - c * 18) % 112
        + (a * 17 + b * 18 - c * 19) % 113
        + (a * 18 + b * 19 - c * 20) % 114
        + (a * 19 + b * 20 - c * 21) % 115
        + (a * 20 + b * 21 - c * 22) % 116
        + (a * 21 + b * 22 - c * 23) % 117
        + (a * 22 + b * 23 - c * 24) % 118
        + (a * 23 + b * 24 - c * 25) % 119
        + (a * 24 + b * 25 - c * 26) % 120
    )


for n in (0, 1, 7, 19, 20, 30, 31, -1):
    print("classify", n, classify(n))
for lim in (10, 100, 1000):
    print("long_loop", lim, long_loop(lim))
print("long_try", long_try(range(-2, 22)))
for args in ((1, 2, 3), (10, -5, 7), (123, 456, 789)):
    print("long_expression", args, long_expression(*args))
