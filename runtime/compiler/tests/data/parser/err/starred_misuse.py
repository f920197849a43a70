*a = 1
x = *a
print(*)
