# NMEA 0183 parser: checksum validation, GGA/RMC/GSV decoding, lat/lon conversion,
# sentence building, and a line assembler fed with arbitrary chunks.


class NMEAError(Exception):
    pass


def checksum(body):
    c = 0
    for ch in body:
        c ^= ord(ch)
    return c


def build(talker, kind, fields):
    body = "%s%s,%s" % (talker, kind, ",".join(str(f) for f in fields))
    return "$%s*%02X" % (body, checksum(body))


def split(sentence):
    sentence = sentence.strip()
    if not sentence.startswith("$"):
        raise NMEAError("no start")
    star = sentence.find("*")
    if star < 0:
        raise NMEAError("no checksum")
    body = sentence[1:star]
    given = int(sentence[star + 1:star + 3], 16)
    if checksum(body) != given:
        raise NMEAError("checksum %02X != %02X" % (checksum(body), given))
    parts = body.split(",")
    return parts[0][:2], parts[0][2:], parts[1:]


def to_degrees(value, hemi):
    if not value:
        return None
    dot = value.index(".")
    deg = int(value[:dot - 2])
    minutes = float(value[dot - 2:])
    d = deg + minutes / 60
    return -d if hemi in "SW" else d


def parse_gga(f):
    return {
        "time": "%s:%s:%s" % (f[0][0:2], f[0][2:4], f[0][4:6]),
        "lat": to_degrees(f[1], f[2]),
        "lon": to_degrees(f[3], f[4]),
        "fix": int(f[5]),
        "sats": int(f[6]),
        "hdop": float(f[7]) if f[7] else None,
        "alt": float(f[8]) if f[8] else None,
    }


def parse_rmc(f):
    knots = float(f[6]) if f[6] else 0.0
    return {
        "valid": f[1] == "A",
        "lat": to_degrees(f[2], f[3]),
        "lon": to_degrees(f[4], f[5]),
        "kmh": knots * 1.852,
        "course": float(f[7]) if f[7] else None,
        "date": "20%s-%s-%s" % (f[8][4:6], f[8][2:4], f[8][0:2]),
    }


def parse_gsv(f):
    sats = []
    rest = f[3:]
    for i in range(0, len(rest) - 3, 4):
        prn, elev, az, snr = rest[i:i + 4]
        sats.append((int(prn), int(elev or 0), int(az or 0), int(snr) if snr else None))
    return {"total_msgs": int(f[0]), "msg": int(f[1]), "in_view": int(f[2]), "sats": sats}


PARSERS = {"GGA": parse_gga, "RMC": parse_rmc, "GSV": parse_gsv}


class LineAssembler:
    def __init__(self):
        self.partial = ""

    def feed(self, chunk):
        self.partial += chunk
        while "\n" in self.partial:
            line, self.partial = self.partial.split("\n", 1)
            line = line.rstrip("\r")
            if line:
                yield line


def fmt(v):
    if isinstance(v, float):
        return "%.5f" % v
    return str(v)


raw = [
    build("GP", "GGA", ["123519", "4807.038", "N", "01131.000", "E", 1, "08", "0.9", "545.4", "M", "46.9", "M", "", ""]),
    build("GP", "RMC", ["123519", "A", "4807.038", "N", "01131.000", "E", "022.4", "084.4", "230394", "003.1", "W"]),
    build("GP", "GSV", [2, 1, "08", "01", "40", "083", "46", "02", "17", "308", "41", "12", "07", "344", "", "14", "22", "228", "45"]),
    build("GN", "GGA", ["000001", "3351.500", "S", "15112.250", "W", 2, "11", "", "", "M", "", "M", "", ""]),
    "$GPGGA,1,2,3*00",
    "GPRMC,nothing",
    build("GP", "ZDA", ["1", "2"]),
]
print(raw[0])
print(raw[1])
stream = "\r\n".join(raw) + "\r\n"
asm = LineAssembler()
counts = {}
for i in range(0, len(stream), 13):
    for line in asm.feed(stream[i:i + 13]):
        try:
            talker, kind, fields = split(line)
        except NMEAError as e:
            print("reject:", e)
            counts["bad"] = counts.get("bad", 0) + 1
            continue
        parser = PARSERS.get(kind)
        if parser is None:
            print("skip %s%s (%d fields)" % (talker, kind, len(fields)))
            continue
        counts[kind] = counts.get(kind, 0) + 1
        rec = parser(fields)
        print(talker + kind, " ".join("%s=%s" % (k, fmt(rec[k])) for k in sorted(rec)))
print("counts", sorted(counts.items()))
print("checksums", ["%02X" % checksum(s) for s in ("GPGLL", "A", "")])
