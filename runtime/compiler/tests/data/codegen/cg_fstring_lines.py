# The fields of an f-string that ends a line inside brackets carry the line
# of the next token, where MicroPython's lexer reads them.
def report(rssi, delta, offset):
    print(
        f"signal {rssi}, {delta - offset} ms late"
        + f" (skew {delta * 2 - offset}ms)"
    )
    label = f"{rssi + 1}"  # a comment after the literal
    return [
        f"{delta // 2}",
        f"{offset % 3}"
    ]
