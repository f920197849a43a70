# Modbus RTU master/slave: frame building, CRC16, function codes 3/6/16, exceptions.
import struct
from micropython import const

FC_READ_HOLDING = const(0x03)
FC_WRITE_SINGLE = const(0x06)
FC_WRITE_MULTIPLE = const(0x10)
EX_ILLEGAL_FUNCTION = const(0x01)
EX_ILLEGAL_ADDRESS = const(0x02)
EX_ILLEGAL_VALUE = const(0x03)
_MAX_REGS = const(125)


def crc16(data):
    crc = 0xFFFF
    for b in data:
        crc ^= b
        for _ in range(8):
            if crc & 1:
                crc = (crc >> 1) ^ 0xA001
            else:
                crc >>= 1
    return crc


def seal(pdu):
    return pdu + struct.pack("<H", crc16(pdu))


class ModbusError(Exception):
    def __init__(self, code, msg=""):
        super().__init__("exception %d %s" % (code, msg))
        self.code = code


class CRCError(Exception):
    pass


class Slave:
    def __init__(self, unit, nregs=32):
        self.unit = unit
        self.regs = [0] * nregs
        self.handled = 0

    def handle(self, frame):
        if len(frame) < 4 or crc16(frame) != 0:
            return None
        unit, fc = frame[0], frame[1]
        if unit != self.unit:
            return None
        self.handled += 1
        try:
            body = self._dispatch(fc, frame[2:-2])
            return seal(bytes([unit, fc]) + body)
        except ModbusError as e:
            return seal(bytes([unit, fc | 0x80, e.code]))

    def _dispatch(self, fc, data):
        if fc == FC_READ_HOLDING:
            start, count = struct.unpack(">HH", data)
            self._check(start, count)
            vals = self.regs[start:start + count]
            return bytes([count * 2]) + struct.pack(">%dH" % count, *vals)
        if fc == FC_WRITE_SINGLE:
            addr, value = struct.unpack(">HH", data)
            self._check(addr, 1)
            self.regs[addr] = value
            return data
        if fc == FC_WRITE_MULTIPLE:
            start, count, nbytes = struct.unpack(">HHB", data[:5])
            if nbytes != count * 2:
                raise ModbusError(EX_ILLEGAL_VALUE)
            self._check(start, count)
            self.regs[start:start + count] = list(struct.unpack(">%dH" % count, data[5:]))
            return data[:4]
        raise ModbusError(EX_ILLEGAL_FUNCTION)

    def _check(self, start, count):
        if not 1 <= count <= _MAX_REGS:
            raise ModbusError(EX_ILLEGAL_VALUE)
        if start + count > len(self.regs):
            raise ModbusError(EX_ILLEGAL_ADDRESS)


class Master:
    def __init__(self, bus):
        self.bus = bus
        self.trace = []

    def _xfer(self, unit, pdu):
        req = seal(bytes([unit]) + pdu)
        self.trace.append(req.hex())
        resp = None
        for s in self.bus:
            r = s.handle(req)
            if r is not None:
                resp = r
        if resp is None:
            raise OSError("timeout")
        if crc16(resp) != 0:
            raise CRCError("bad crc")
        if resp[1] & 0x80:
            raise ModbusError(resp[2])
        return resp[2:-2]

    def read_holding(self, unit, start, count):
        body = self._xfer(unit, struct.pack(">BHH", FC_READ_HOLDING, start, count))
        return list(struct.unpack(">%dH" % (body[0] // 2), body[1:]))

    def write_single(self, unit, addr, value):
        self._xfer(unit, struct.pack(">BHH", FC_WRITE_SINGLE, addr, value))

    def write_multiple(self, unit, start, values):
        pdu = struct.pack(">BHHB", FC_WRITE_MULTIPLE, start, len(values), 2 * len(values))
        self._xfer(unit, pdu + struct.pack(">%dH" % len(values), *values))


slaves = [Slave(1), Slave(2, 8)]
m = Master(slaves)
print("crc of 01 03 00 00 00 0a = 0x%04x" % crc16(bytes.fromhex("01030000000a")))
m.write_single(1, 0, 1234)
m.write_multiple(1, 4, [10, 20, 30, 0xFFFF])
print("read", m.read_holding(1, 0, 8))
m.write_multiple(2, 0, list(range(100, 108)))
print("unit2", m.read_holding(2, 2, 4))
temp = struct.unpack(">f", struct.pack(">HH", *m.read_holding(1, 4, 2)))[0]
print("regs as float %.4e" % temp)
m.write_multiple(1, 10, list(struct.unpack(">HH", struct.pack(">f", 21.75))))
hi, lo = m.read_holding(1, 10, 2)
print("float back %.2f" % struct.unpack(">f", struct.pack(">HH", hi, lo))[0])
for call, args in ((m.read_holding, (2, 6, 4)), (m.read_holding, (1, 0, 0)),
                   (m._xfer, (1, b"\x2b")), (m.read_holding, (9, 0, 1))):
    try:
        call(*args)
    except ModbusError as e:
        print("ModbusError", e.code, str(e))
    except OSError as e:
        print("OSError", e)
bad = bytearray(seal(bytes([1, 3, 0, 0, 0, 1])))
bad[3] ^= 1
print("corrupted request answered:", slaves[0].handle(bytes(bad)))
print("handled", [s.handled for s in slaves])
for line in m.trace[:6]:
    print("  tx", line)
