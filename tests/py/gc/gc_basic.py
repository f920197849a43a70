import gc
import micropython
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
gc.collect()
free = gc.mem_free()
alloc = gc.mem_alloc()
print(isinstance(free, int), isinstance(alloc, int), free > 0, alloc > 0)
data = [bytearray(100) for i in range(20)]
print(gc.mem_alloc() > alloc)
data = None
print(gc.collect() is None or True)
print(micropython.const(7), micropython.opt_level())
micropython.heap_lock()
try:
    x = [1, 2, 3]
except MemoryError:
    print("MemoryError while locked")
micropython.heap_unlock()
print(len([1, 2, 3]))
gc.threshold(4096)
print(gc.threshold())
for i in range(100):
    s = "x" * 100
gc.threshold(-1)
print("done")
