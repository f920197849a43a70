from collections import namedtuple
Item = namedtuple("Item", ["name", "qty"])
stock = [Item("bolt", 10), Item("nut", 3), Item("gear", 7)]
print(sorted(stock, key=lambda i: i.qty)[0].name, sum(i.qty for i in stock))
print(max(stock, key=lambda i: i.qty), stock[1] + (1,), stock[2] * 2)
print(sorted(dict(stock).items()), [name for name, _ in stock])
