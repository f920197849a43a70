import time

for seconds in (0, 86399, 86400, 951782400, 1700000000, 4102444800, 1709251199):
    parts = time.gmtime(seconds)
    print(seconds, tuple(parts[:8]))
    print(time.mktime(tuple(parts[:6]) + (0, 0)) == seconds)
print(len(time.localtime()) >= 8, time.localtime(0)[:3])
