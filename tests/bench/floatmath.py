# Float arithmetic: a Mandelbrot escape-time loop.
def mandel(width, height, limit):
    total = 0
    for y in range(height):
        ci = -1.2 + 2.4 * y / height
        for x in range(width):
            cr = -2.0 + 3.0 * x / width
            zr = zi = 0.0
            n = 0
            while n < limit and zr * zr + zi * zi < 4.0:
                zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
                n += 1
            total += n
    return total


print(mandel(48, 32, 60))
