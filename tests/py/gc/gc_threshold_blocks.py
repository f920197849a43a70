# gc.threshold counts whole 16-byte blocks, as MicroPython's: it reads back
# rounded down; a negative one turns it off and reads back as -1.
import gc

for value in (1, 15, 16, 100, 4097, 0, -5):
    gc.threshold(value)
    print(value, gc.threshold())
gc.threshold(1)
print(len([[], []]))
gc.threshold(-1)
