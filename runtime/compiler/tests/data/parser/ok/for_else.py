for i in range(10):
    if i == 5:
        break
else:
    print("no break")
for k, v in d.items(): print(k, v)
for x in 1, 2, 3:
    pass
for a.b in c: pass
for x[0] in c: pass
