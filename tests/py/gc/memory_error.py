# rime-only: needs a 16 KiB heap; MicroPython in wasm grows its heap instead of raising
big = []
try:
    while True:
        big.append(bytearray(512))
except MemoryError:
    count = len(big)
    big = None
    print("MemoryError caught", count > 5)
import gc
gc.collect()
print(len([0] * 100))
try:
    huge = bytearray(10 ** 8)
except MemoryError:
    print("too big")
