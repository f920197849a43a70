x = 1
$ = 2
if x y:
    z = 3
w = ) + 1
ok = 4
