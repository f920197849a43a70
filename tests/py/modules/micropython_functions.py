import micropython
calls = []
def callback(arg):
    calls.append(arg)
micropython.schedule(callback, 1)
micropython.schedule(callback, 2)
for _ in range(3):
    pass
print(type(micropython.opt_level()) is int)
print(hasattr(micropython, "mem_info"), hasattr(micropython, "heap_lock"))
def later():
    return calls
print(sorted(later()) if later() else "pending")
