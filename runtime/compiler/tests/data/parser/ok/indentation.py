if a:
    if b:
        c = 1

        d = 2
    # comment at odd indentation
  # another
    e = 3
f = 4
def g():
	return 1
if h:
        deep = 1
