# Bitsets on Python ints and on bytearrays; set algebra, popcount, sieve.


class IntBitset:
    def __init__(self, bits=0):
        self.bits = bits

    @classmethod
    def from_iter(cls, items):
        b = 0
        for i in items:
            b |= 1 << i
        return cls(b)

    def add(self, i):
        self.bits |= 1 << i

    def discard(self, i):
        self.bits &= ~(1 << i)

    def __contains__(self, i):
        return (self.bits >> i) & 1 == 1

    def __or__(self, o):
        return IntBitset(self.bits | o.bits)

    def __and__(self, o):
        return IntBitset(self.bits & o.bits)

    def __xor__(self, o):
        return IntBitset(self.bits ^ o.bits)

    def __sub__(self, o):
        return IntBitset(self.bits & ~o.bits)

    def __len__(self):
        n, b = 0, self.bits
        while b:
            b &= b - 1
            n += 1
        return n

    def __iter__(self):
        b, i = self.bits, 0
        while b:
            if b & 1:
                yield i
            b >>= 1
            i += 1

    def __eq__(self, o):
        return self.bits == o.bits

    def __repr__(self):
        return "{" + ",".join(str(i) for i in self) + "}"


class ByteBitset:
    def __init__(self, nbits):
        self.n = nbits
        self.mem = bytearray((nbits + 7) // 8)

    def set(self, i, v=True):
        if v:
            self.mem[i >> 3] |= 1 << (i & 7)
        else:
            self.mem[i >> 3] &= ~(1 << (i & 7)) & 0xFF

    def get(self, i):
        return (self.mem[i >> 3] >> (i & 7)) & 1

    def count(self):
        table = [bin(x).count("1") for x in range(256)]
        return sum(table[b] for b in self.mem)

    def first_clear(self):
        for idx, byte in enumerate(self.mem):
            if byte != 0xFF:
                for bit in range(8):
                    if not (byte >> bit) & 1:
                        pos = idx * 8 + bit
                        return pos if pos < self.n else -1
        return -1

    def hex(self):
        return "".join("%02x" % b for b in self.mem)


a = IntBitset.from_iter([1, 3, 5, 7, 9, 64, 100])
b = IntBitset.from_iter([3, 4, 5, 6, 100, 200])
print("a =", a, "len", len(a))
print("b =", b, "len", len(b))
print("a|b =", a | b)
print("a&b =", a & b)
print("a^b =", a ^ b)
print("a-b =", a - b)
print("5 in a:", 5 in a, "6 in a:", 6 in a, "200 in b:", 200 in b)
a.add(6)
a.discard(1)
a.discard(2)
print("modified a:", a, hex(a.bits))
print("equal:", a == IntBitset.from_iter(list(a)), a == b)

# allocator using ByteBitset
alloc = ByteBitset(20)
got = []
for _ in range(10):
    slot = alloc.first_clear()
    alloc.set(slot)
    got.append(slot)
print("allocated:", got, "hex:", alloc.hex(), "count:", alloc.count())
for s in (2, 5, 7):
    alloc.set(s, False)
print("freed 2,5,7 ->", alloc.hex(), "first free:", alloc.first_clear())
for _ in range(17):
    s = alloc.first_clear()
    if s < 0:
        print("full after count", alloc.count())
        break
    alloc.set(s)

# sieve of eratosthenes using bytearray bitset
N = 200
sieve = ByteBitset(N + 1)
for i in range(2, N + 1):
    sieve.set(i)
i = 2
while i * i <= N:
    if sieve.get(i):
        for j in range(i * i, N + 1, i):
            sieve.set(j, False)
    i += 1
primes = [k for k in range(N + 1) if sieve.get(k)]
print("primes <= 200:", len(primes))
print(primes[:25])
print(primes[25:])

# bit tricks on ints
for x in (0, 1, 12, 255, 1 << 40, (1 << 70) - 1):
    low = x & -x
    print("x=%d lowbit=%d popcount=%d bits=%d" % (x, low, bin(x).count("1"), len(bin(x)) - 2 if x else 0))
