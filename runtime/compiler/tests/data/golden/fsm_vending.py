# Vending machine: coin acceptance, selection, change-making with limited coin stock,
# refunds, and service mode — modelled with state classes.
from micropython import const

_PRICE_UNIT = const(5)
COINS = (200, 100, 50, 20, 10, 5)


class VendError(Exception):
    pass


class SoldOut(VendError):
    pass


class NoChange(VendError):
    pass


class State:
    name = "?"

    def __init__(self, m):
        self.m = m

    def coin(self, c):
        raise VendError("coin not accepted in %s" % self.name)

    def select(self, code):
        raise VendError("select not allowed in %s" % self.name)

    def cancel(self):
        return []


class Idle(State):
    name = "idle"

    def coin(self, c):
        self.m.credit += c
        self.m.go(Paying)

    def select(self, code):
        item = self.m.item(code)
        return "price of %s is %d" % (item[0], item[1])


class Paying(State):
    name = "paying"

    def coin(self, c):
        self.m.credit += c

    def select(self, code):
        name, price, left = self.m.item(code)
        if left == 0:
            raise SoldOut(name)
        if self.m.credit < price:
            return "insert %d more" % (price - self.m.credit)
        change = self.m.make_change(self.m.credit - price)
        self.m.stock[code][2] -= 1
        self.m.credit = 0
        self.m.sales += price
        self.m.go(Idle)
        return "vend %s change %s" % (name, change)

    def cancel(self):
        refund = self.m.make_change(self.m.credit)
        self.m.credit = 0
        self.m.go(Idle)
        return refund


class Service(State):
    name = "service"


class Machine:
    def __init__(self):
        self.stock = {"A1": ["cola", 120, 2], "A2": ["water", 80, 5], "B1": ["chips", 95, 0],
                      "B2": ["bar", 65, 3]}
        self.coins = {200: 0, 100: 2, 50: 2, 20: 3, 10: 2, 5: 4}
        self.credit = 0
        self.sales = 0
        self.state = Idle(self)

    def go(self, cls):
        self.state = cls(self)

    def item(self, code):
        try:
            return tuple(self.stock[code])
        except KeyError:
            raise VendError("no item %s" % code)

    def make_change(self, amount):
        out = []
        plan = dict(self.coins)
        for c in COINS:
            while amount >= c and plan[c] > 0:
                amount -= c
                plan[c] -= 1
                out.append(c)
        if amount:
            raise NoChange("cannot return %d" % amount)
        self.coins = plan
        return out

    def insert(self, c):
        if c not in COINS:
            raise VendError("bad coin %d" % c)
        self.state.coin(c)
        self.coins[c] += 1


vm = Machine()
script = [("select", "A1"), ("insert", 100), ("select", "A1"), ("insert", 50), ("select", "A1"),
          ("insert", 200), ("select", "B1"), ("select", "A2"), ("insert", 3), ("insert", 50),
          ("cancel", None), ("select", "Z9"), ("insert", 100), ("select", "A1"), ("insert", 50),
          ("select", "A1"), ("select", "A1"), ("insert", 20), ("insert", 20), ("insert", 20),
          ("insert", 5), ("select", "B2")]
for op, arg in script:
    before = vm.state.name
    try:
        if op == "insert":
            vm.insert(arg)
            result = "credit %d" % vm.credit
        elif op == "select":
            result = vm.state.select(arg)
        else:
            result = "refund %s" % vm.state.cancel()
    except SoldOut as e:
        result = "SOLD OUT: %s" % e
    except NoChange as e:
        result = "NO CHANGE: %s" % e
    except VendError as e:
        result = "error: %s" % e
    print("%-7s %-4s [%-6s->%-6s] %s" % (op, arg if arg is not None else "", before, vm.state.name, result))
print("sales", vm.sales, "credit", vm.credit)
print("stock", sorted((k, v[2]) for k, v in vm.stock.items()))
print("coins", sorted(vm.coins.items(), reverse=True))
vm.go(Service)
try:
    vm.insert(100)
except VendError as e:
    print("service:", e)
print("subclass checks", issubclass(SoldOut, VendError), isinstance(NoChange("x"), Exception))
