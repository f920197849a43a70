# Slicing and joining the longest name MicroPython allows (255 bytes), which
# lives in the frozen image's qstr pool.
long_nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn = 1
key = [n for n in globals() if n.startswith("long_")][0]
print(len(key), key[1:250] == "ong_" + "n" * 245, len(key[0:300]))
parts = [key, "!"]
print(len("".join(parts)), "".join(parts)[-3:])
