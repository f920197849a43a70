a < b
a < b <= c > d >= e == f != g
a in b
a not in b
a is b
a is not b
not a == b
not not x
x = a < b and c or not d
