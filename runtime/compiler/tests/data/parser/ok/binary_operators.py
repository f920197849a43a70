a + b - c
a * b / c // d % e @ f
a ** b ** c
-a ** b
a | b ^ c & d << e >> f
~a + -b + +c
(a + b) * c
a or b or c and d and e
