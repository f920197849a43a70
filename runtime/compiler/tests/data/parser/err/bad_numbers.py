x = 1__0
y = 0x
z = 012
w = 0b12
v = 1e
