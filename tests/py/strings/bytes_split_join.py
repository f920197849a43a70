packet = b"CMD:SET;KEY:temp;VAL:21"
fields = packet.split(b";")
print(fields, [f.split(b":")[1] for f in fields])
print(b";".join(fields) == packet, b"".join([b"a", b"b"]), b" ".join([]))
print(b"a  b".split(b" "), b"a  b".split(), b"".split(b","))
