# machine.unique_id() on the emulated Pico: the flash chip's 64-bit unique id, which the test jig's flash answers to the RUID command (tests/reference/pico-jig.mjs: e6 61 38 97 83 2b 4a 2f). Expected output, from that wiring and MicroPython's API (eight bytes, the same at every call): the id in hex, its length, and that a second call gives the same bytes.
import machine

first = machine.unique_id()
print(first.hex(), len(first), type(first).__name__)
print(machine.unique_id() == first)
