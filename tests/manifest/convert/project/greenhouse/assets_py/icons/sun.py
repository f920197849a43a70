SUN = b"\x01"
