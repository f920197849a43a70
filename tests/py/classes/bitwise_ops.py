class Flags:
    def __init__(self, bits):
        self.bits = bits

    def __repr__(self):
        return "Flags(%s)" % bin(self.bits)

    def __or__(self, o):
        return Flags(self.bits | o.bits)

    def __and__(self, o):
        return Flags(self.bits & o.bits)

    def __xor__(self, o):
        return Flags(self.bits ^ o.bits)

    def __lshift__(self, n):
        return Flags(self.bits << n)

    def __rshift__(self, n):
        return Flags(self.bits >> n)

    def __ior__(self, o):
        self.bits |= o.bits
        return self


a, b = Flags(0b1100), Flags(0b1010)
print(a | b, a & b, a ^ b, a << 2, a >> 2)
a |= Flags(1)
print(a)
