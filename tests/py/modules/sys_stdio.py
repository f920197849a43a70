# sys.stdin, sys.stdout and sys.stderr, their binary `buffer` streams, and
# micropython.kbd_intr (which takes a byte, or -1 for none).
import sys
import micropython

print(hasattr(sys.stdin, "read"), hasattr(sys.stdin, "readline"))
print(hasattr(sys.stdin, "buffer"), hasattr(sys.stdout, "buffer"), hasattr(sys.stderr, "buffer"))
print(sys.stdout.write("text\n"))
print(sys.stdout.buffer.write(b"bytes\n"))
print(sys.stdout.buffer.write(bytearray(b"array\n")))
sys.stdout.flush()
sys.stdout.buffer.flush()
print(micropython.kbd_intr(-1), micropython.kbd_intr(3))
fields = tuple(sys.implementation)
print(len(fields) >= 4, fields[0] == sys.implementation.name, fields[1] == sys.implementation.version)
print(fields[2] == sys.implementation._machine, fields[3] == sys.implementation._mpy, fields[3] & 0xFF)
