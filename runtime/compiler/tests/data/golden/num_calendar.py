# Calendar arithmetic without the time module: leap years, day of week
# (Zeller and Sakamoto), day-of-year, days between dates, adding days,
# ISO week numbers, unix timestamp conversion and a month grid.

MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def days_in_month(y, m):
    return 29 if m == 2 and is_leap(y) else MONTH_DAYS[m - 1]


def to_ordinal(y, m, d):
    # days since 0001-01-01 (day 1)
    yy = y - 1
    n = yy * 365 + yy // 4 - yy // 100 + yy // 400
    for mm in range(1, m):
        n += days_in_month(y, mm)
    return n + d


def from_ordinal(n):
    y = (n * 400) // 146097 + 1
    while to_ordinal(y, 1, 1) > n:
        y -= 1
    while to_ordinal(y + 1, 1, 1) <= n:
        y += 1
    n -= to_ordinal(y, 1, 1) - 1
    m = 1
    while n > days_in_month(y, m):
        n -= days_in_month(y, m)
        m += 1
    return y, m, n


def weekday(y, m, d):
    return (to_ordinal(y, m, d) - 1) % 7  # 0 = Monday


def sakamoto(y, m, d):
    t = (0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4)
    if m < 3:
        y -= 1
    return (y + y // 4 - y // 100 + y // 400 + t[m - 1] + d) % 7  # 0 = Sunday


def iso_week(y, m, d):
    wd = weekday(y, m, d)
    thursday = to_ordinal(y, m, d) - wd + 3
    ty = from_ordinal(thursday)[0]
    return ty, (thursday - to_ordinal(ty, 1, 1)) // 7 + 1


EPOCH = to_ordinal(1970, 1, 1)


def to_unix(y, m, d, hh=0, mi=0, ss=0):
    return (to_ordinal(y, m, d) - EPOCH) * 86400 + hh * 3600 + mi * 60 + ss


def from_unix(ts):
    days, rem = divmod(ts, 86400)
    y, m, d = from_ordinal(days + EPOCH)
    return "%04d-%02d-%02d %02d:%02d:%02d" % (y, m, d, rem // 3600, rem // 60 % 60, rem % 60)


def month_grid(y, m):
    lines = ["    %04d-%02d" % (y, m), " ".join(n[:2] for n in NAMES)]
    first = weekday(y, m, 1)
    cells = ["  "] * first + ["%2d" % d for d in range(1, days_in_month(y, m) + 1)]
    for i in range(0, len(cells), 7):
        lines.append(" ".join(cells[i:i + 7]))
    return lines


print("leap:", [y for y in (1900, 2000, 2004, 2023, 2024, 2100, 2400) if is_leap(y)])
for date in ((1970, 1, 1), (2000, 2, 29), (2024, 7, 4), (1969, 7, 20), (2038, 1, 19), (1, 1, 1)):
    y, m, d = date
    print("%04d-%02d-%02d %s sakamoto=%d doy=%d iso=%s" % (
        y, m, d, NAMES[weekday(*date)], sakamoto(*date), to_ordinal(*date) - to_ordinal(y, 1, 1) + 1, iso_week(*date)))
print("days between 2000-01-01 and 2024-06-15:", to_ordinal(2024, 6, 15) - to_ordinal(2000, 1, 1))
base = to_ordinal(2024, 2, 27)
print("add days:", [from_ordinal(base + k) for k in (0, 1, 2, 3, 365, -58)])
print("roundtrip ok:", all(from_ordinal(to_ordinal(*from_ordinal(n))) == from_ordinal(n) for n in range(730000, 740000, 97)))
for ts in (0, 86399, 951782400, 1700000000, 2147483647, 4102444800):
    print("unix %10d = %s" % (ts, from_unix(ts)))
print("to_unix 2024-01-01 12:30:15 =", to_unix(2024, 1, 1, 12, 30, 15))
for line in month_grid(2024, 2):
    print(line)
fridays = [(y, m) for y in (2024, 2025) for m in range(1, 13) if weekday(y, m, 13) == 4]
print("friday 13th:", fridays)
