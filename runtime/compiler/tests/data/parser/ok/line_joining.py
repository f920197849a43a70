x = (1 +
     2)
y = [
    1,
    2,
]
z = {
  'a': 1,
}
total = 1 + \
    2 + \
    3
if a and \
   b:
    pass
call(a,
# comment inside brackets
     b)
