import sys


class Account:
    def __init__(self, balance):
        self.balance = balance

    def withdraw(self, amount):
        if amount > self.balance:
            raise ValueError("insufficient funds")
        self.balance -= amount

    def pay_all(self, amounts):
        for amount in amounts:
            self.withdraw(amount)


a = Account(10)
try:
    a.pay_all([3, 4, 5])
except ValueError as e:
    sys.print_exception(e)
print(a.balance)
lambda_fail = lambda: [][0]
try:
    lambda_fail()
except IndexError as e:
    sys.print_exception(e)
