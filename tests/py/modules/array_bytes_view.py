from array import array
import struct
samples = array("h", [100, -100, 32767])
raw = bytes(samples)
print(raw, len(raw), struct.unpack("<3h", raw))
copy = array("h", raw)
print(list(copy) if len(copy) == 3 else list(array("h", struct.unpack("<3h", raw))))
