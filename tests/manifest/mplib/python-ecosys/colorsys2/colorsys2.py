def rgb_to_hex(red, green, blue):
    return "#%02x%02x%02x" % (red, green, blue)


def hex_to_rgb(text):
    text = text.lstrip("#")
    return tuple(int(text[index : index + 2], 16) for index in (0, 2, 4))
