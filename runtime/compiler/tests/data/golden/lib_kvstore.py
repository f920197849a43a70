# Append-only key/value store on an in-memory byte stream: binary record
# format with struct, CRC per record, compaction, recovery from a torn
# write, and snapshots.
import io
import struct
import binascii

HDR = "<BHHI"  # op, klen, vlen, crc
OP_PUT, OP_DEL = 1, 2


class KV:
    def __init__(self, stream=None):
        self.f = stream or io.BytesIO()
        self.index = {}
        self.records = 0
        self.recover()

    def _crc(self, op, k, v):
        return binascii.crc32(bytes([op]) + k + v) & 0xFFFFFFFF

    def _append(self, op, k, v):
        self.f.seek(0, 2)
        self.f.write(struct.pack(HDR, op, len(k), len(v), self._crc(op, k, v)) + k + v)
        self.records += 1

    def put(self, key, value):
        k, v = key.encode(), value.encode()
        self._append(OP_PUT, k, v)
        self.index[key] = value

    def delete(self, key):
        if key not in self.index:
            return False
        self._append(OP_DEL, key.encode(), b"")
        del self.index[key]
        return True

    def get(self, key, default=None):
        return self.index.get(key, default)

    def recover(self):
        data = self.f.getvalue()
        pos = 0
        hsz = struct.calcsize(HDR)
        self.index = {}
        self.records = 0
        good_end = 0
        while pos + hsz <= len(data):
            op, kl, vl, crc = struct.unpack_from(HDR, data, pos)
            end = pos + hsz + kl + vl
            if end > len(data):
                break
            k = data[pos + hsz:pos + hsz + kl]
            v = data[pos + hsz + kl:end]
            if self._crc(op, k, v) != crc:
                break
            if op == OP_PUT:
                self.index[k.decode()] = v.decode()
            elif op == OP_DEL:
                self.index.pop(k.decode(), None)
            self.records += 1
            pos = good_end = end
        self.torn = len(data) - good_end
        if self.torn:
            self.f = io.BytesIO(data[:good_end])

    def size(self):
        return len(self.f.getvalue())

    def compact(self):
        fresh = KV()
        for k in sorted(self.index):
            fresh.put(k, self.index[k])
        self.f = fresh.f
        self.records = fresh.records

    def items(self):
        return sorted(self.index.items())


db = KV()
for i in range(6):
    db.put("sensor%d" % i, "%d.%d" % (20 + i, i))
db.put("sensor2", "updated")
db.put("name", "greenhouse")
print("delete sensor4:", db.delete("sensor4"), "delete missing:", db.delete("zzz"))
db.put("sensor0", "final")
print("items:", db.items())
print("records:", db.records, "bytes:", db.size())
raw = db.f.getvalue()
print("first record hex:", binascii.hexlify(raw[:20]))
reopened = KV(io.BytesIO(raw))
print("reopened equal:", reopened.items() == db.items(), "records:", reopened.records)
torn = KV(io.BytesIO(raw[:-5]))
print("torn bytes:", torn.torn, "recovered keys:", len(torn.items()), torn.get("sensor0"))
corrupt = bytearray(raw)
corrupt[30] ^= 0xFF
bad = KV(io.BytesIO(bytes(corrupt)))
print("corrupt: stopped after", bad.records, "records; torn", bad.torn)
before = db.size()
db.compact()
print("compact: %d -> %d bytes, records %d" % (before, db.size(), db.records))
print("after compact:", db.get("name"), db.get("sensor4", "gone"), len(db.items()))
db.put("late", "entry")
print("post-compact put:", KV(io.BytesIO(db.f.getvalue())).get("late"))
snap = dict(db.items())
db.put("name", "changed")
print("snapshot isolated:", snap["name"], db.get("name"))
