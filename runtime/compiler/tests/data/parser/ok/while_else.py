while x < 10:
    x += 1
else:
    done()
while (n := next_value()) > 0:
    use(n)
