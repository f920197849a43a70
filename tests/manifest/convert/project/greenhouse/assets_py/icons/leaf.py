LEAF = b"\x00"
