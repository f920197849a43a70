def nothing():
    pass


class Empty:
    pass


for _ in range(3):
    pass
while False:
    pass
if True:
    pass
else:
    pass
try:
    pass
except Exception:
    pass
finally:
    pass
print(nothing(), type(Empty()).__name__, ...)
print(Ellipsis is ...)
