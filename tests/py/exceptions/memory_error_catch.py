try:
    raise MemoryError
except MemoryError as e:
    print("caught MemoryError", type(e).__name__)
try:
    raise MemoryError("custom text")
except Exception as e:
    print(type(e).__name__, e)
