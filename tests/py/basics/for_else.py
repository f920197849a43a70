def find(items, target):
    for i, item in enumerate(items):
        if item == target:
            print("found at", i)
            break
    else:
        print("not found")


find([1, 2, 3], 2)
find([1, 2, 3], 5)
find([], 1)
for i in range(3):
    continue
else:
    print("else after continue-only loop", i)
for outer in range(3):
    for inner in range(3):
        if inner == outer == 1:
            break
    else:
        print("inner completed for", outer)
        continue
    print("inner broke for", outer)
