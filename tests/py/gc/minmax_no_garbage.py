# rime-only: measures heap use with gc.mem_alloc
# max(a, b) and min(a, b) walk their arguments in place and allocate
# nothing, so a hot loop of them leaves no garbage to fragment the heap.
import gc

gc.collect()
gc.disable()
before = gc.mem_alloc()
total = 0
negate = lambda v: -v
for i in range(200):
    total += max(i, 100) - min(i, 50, key=negate)
# The loop itself needs a range iterator; 400 calls must add nothing more.
print("little garbage", gc.mem_alloc() - before <= 32, "total", total)
gc.enable()
