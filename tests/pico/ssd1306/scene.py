# The picture both sides draw through micropython-lib's unmodified ssd1306
# driver (a framebuf.FrameBuffer subclass): text in the 8x8 font, lines,
# rectangles, pixels, an ellipse and a scroll, then show().


def draw(display):
    display.fill(0)
    display.text("rime on", 0, 0, 1)
    display.text("the jig!", 12, 10, 1)
    display.rect(0, 24, 60, 30, 1)
    display.fill_rect(70, 26, 40, 12, 1)
    display.line(0, 63, 127, 20, 1)
    display.hline(64, 50, 60, 1)
    display.vline(122, 0, 64, 1)
    display.ellipse(30, 39, 20, 10, 1, True)
    display.text("0", 25, 35, 0)
    display.pixel(126, 62, 1)
    display.scroll(1, 1)
    display.show()
