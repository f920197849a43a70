1 = x
"s" = y
None = 1
f() = 2
a + b = 3
(a, 1) = z
