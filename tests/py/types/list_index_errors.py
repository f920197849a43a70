data = [1, 2, 3]
for index in (3, -4, 100):
    try:
        data[index]
    except IndexError:
        print("IndexError", index)
try:
    data[1] = data[5]
except IndexError:
    print("IndexError nested")
try:
    data["x"]
except TypeError:
    print("TypeError")
print(data[-3], data[2])
