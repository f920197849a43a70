inventory = {
    "fruit": {"apple": [3, 0.5], "pear": [0, 0.75]},
    "veg": {"leek": [2, 1.2]},
}
total = 0
for kind in sorted(inventory):
    for name in sorted(inventory[kind]):
        count, price = inventory[kind][name]
        total += count * price
        print(kind, name, count, price)
print(round(total, 2))
inventory["veg"]["kale"] = [1, 2.0]
print(sorted(inventory["veg"]), len(inventory["fruit"]["apple"]))
flat = [(k, n) for k, items in sorted(inventory.items()) for n in sorted(items)]
print(flat)
