# Data logger: CSV records written to an in-memory "file" (io.StringIO), rotation by size,
# reading back with parsing, and summary statistics per channel.
import io
from micropython import const

_MAX_BYTES = const(400)


class RotatingLog:
    def __init__(self, header, max_bytes=_MAX_BYTES, keep=3):
        self.header = header
        self.max_bytes = max_bytes
        self.keep = keep
        self.files = []
        self.rotations = 0
        self._open()

    def _open(self):
        self.cur = io.StringIO()
        self.cur.write(self.header + "\n")
        self.size = len(self.header) + 1

    def _rotate(self):
        self.files.append(self.cur.getvalue())
        if len(self.files) > self.keep:
            self.files.pop(0)
        self.rotations += 1
        self._open()

    def write(self, *fields):
        line = ",".join(("%.2f" % f) if isinstance(f, float) else str(f) for f in fields) + "\n"
        if self.size + len(line) > self.max_bytes:
            self._rotate()
        self.cur.write(line)
        self.size += len(line)

    def all_files(self):
        return self.files + [self.cur.getvalue()]

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._rotate()
        return False


def read_records(text):
    f = io.StringIO(text)
    header = f.readline().strip().split(",")
    for line in f:
        line = line.strip()
        if line:
            yield dict(zip(header, line.split(",")))


with RotatingLog("seq,ch,value,flag") as log:
    for seq in range(40):
        ch = "abc"[seq % 3]
        value = 10 + (seq * 7 % 13) * 0.5 + "abc".index(ch) * 20
        log.write(seq, ch, value, "OK" if value < 45 else "HI")
files = log.all_files()
print("rotations", log.rotations, "files kept", len(files), "sizes", [len(f) for f in files])
print("first kept file starts:", files[0].split("\n")[1])
stats = {}
for text in files:
    for rec in read_records(text):
        s = stats.setdefault(rec["ch"], {"n": 0, "sum": 0.0, "hi": 0, "min": None})
        v = float(rec["value"])
        s["n"] += 1
        s["sum"] += v
        s["hi"] += rec["flag"] == "HI"
        s["min"] = v if s["min"] is None else min(s["min"], v)
for ch in sorted(stats):
    s = stats[ch]
    print("channel %s n=%2d mean=%6.2f min=%5.2f hi=%d" % (ch, s["n"], s["sum"] / s["n"], s["min"], s["hi"]))
seqs = [int(r["seq"]) for t in files for r in read_records(t)]
print("seq range kept", min(seqs), "-", max(seqs), "contiguous", seqs == list(range(min(seqs), max(seqs) + 1)))
buf = io.BytesIO()
for seq in seqs[:5]:
    buf.write(seq.to_bytes(2, "little"))
print("binary index", buf.getvalue().hex())
buf.seek(4)
print("read back", int.from_bytes(buf.read(2), "little"))
