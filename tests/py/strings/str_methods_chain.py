raw = "  Name: Alice ; Age: 30 ; City: Paris  "
fields = [part.strip() for part in raw.strip().split(";")]
print(fields)
pairs = [field.split(": ", 1) for field in fields]
print(pairs)
print({key.lower(): value for key, value in pairs}["city"])
line = "x=1,y=2,z=3"
print(sorted(item.partition("=")[2] for item in line.split(",")))
print(" ".join(reversed("one two three".split())))
