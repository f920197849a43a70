import micropython

seen = []

def callback(arg):
    seen.append(arg * 2)

micropython.schedule(callback, 21)
for _ in range(10):
    pass
print(seen)
