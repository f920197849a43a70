-1
+x
~y
--x
-+~x
not x
-x ** 2
2 ** -1
