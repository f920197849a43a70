# Connection handshake state machine (SYN / SYN-ACK / ACK, data with sequence numbers,
# FIN teardown) between two simulated peers over a lossy in-memory channel.
from micropython import const

CLOSED = "CLOSED"
SYN_SENT = "SYN_SENT"
SYN_RCVD = "SYN_RCVD"
LISTEN = "LISTEN"
ESTABLISHED = "ESTABLISHED"
FIN_WAIT = "FIN_WAIT"
CLOSE_WAIT = "CLOSE_WAIT"
F_SYN = const(1)
F_ACK = const(2)
F_FIN = const(4)
F_DATA = const(8)


class ProtocolError(Exception):
    pass


def flags_str(f):
    return "+".join(n for bit, n in ((F_SYN, "SYN"), (F_ACK, "ACK"), (F_FIN, "FIN"), (F_DATA, "DATA")) if f & bit)


class Peer:
    def __init__(self, name, isn):
        self.name = name
        self.state = CLOSED
        self.seq = isn
        self.ack = 0
        self.outbox = []
        self.received = []
        self.log = []

    def _send(self, flags, data=b""):
        self.outbox.append((flags, self.seq, self.ack, data))
        if flags & (F_SYN | F_FIN):
            self.seq += 1
        self.seq += len(data)

    def _set(self, st):
        self.log.append("%s->%s" % (self.state, st))
        self.state = st

    def listen(self):
        self._set(LISTEN)

    def connect(self):
        self._send(F_SYN)
        self._set(SYN_SENT)

    def send(self, data):
        if self.state != ESTABLISHED:
            raise ProtocolError("%s: send in %s" % (self.name, self.state))
        self._send(F_DATA | F_ACK, data)

    def close(self):
        self._send(F_FIN | F_ACK)
        self._set(FIN_WAIT if self.state == ESTABLISHED else CLOSED)

    def on_segment(self, seg):
        flags, seq, ack, data = seg
        st = self.state
        if st == LISTEN and flags & F_SYN:
            self.ack = seq + 1
            self._send(F_SYN | F_ACK)
            self._set(SYN_RCVD)
        elif st == SYN_SENT and flags & F_SYN and flags & F_ACK:
            self.ack = seq + 1
            self._send(F_ACK)
            self._set(ESTABLISHED)
        elif st == SYN_RCVD and flags & F_ACK:
            self._set(ESTABLISHED)
        elif st in (ESTABLISHED, FIN_WAIT) and flags & F_DATA:
            if seq == self.ack:
                self.received.append(data)
                self.ack += len(data)
            self._send(F_ACK)
        elif st == ESTABLISHED and flags & F_FIN:
            self.ack = seq + 1
            self._send(F_ACK)
            self._set(CLOSE_WAIT)
        elif st == FIN_WAIT and flags & F_FIN:
            self.ack = seq + 1
            self._send(F_ACK)
            self._set(CLOSED)
        elif st == CLOSE_WAIT and flags & F_ACK and not data:
            pass
        elif flags == F_ACK:
            pass
        else:
            raise ProtocolError("%s: unexpected %s in %s" % (self.name, flags_str(flags), st))


def pump(a, b, trace, drop=()):
    n = 0
    moved = True
    while moved:
        moved = False
        for src, dst in ((a, b), (b, a)):
            while src.outbox:
                seg = src.outbox.pop(0)
                n += 1
                trace.append("%s>%s %s seq=%d ack=%d%s" % (src.name, dst.name, flags_str(seg[0]),
                                                          seg[1], seg[2], (" " + seg[3].decode()) if seg[3] else ""))
                if n in drop:
                    trace[-1] += " (lost)"
                    continue
                dst.on_segment(seg)
                moved = True


client, server = Peer("C", 100), Peer("S", 5000)
trace = []
server.listen()
client.connect()
pump(client, server, trace)
print("after handshake:", client.state, server.state)
for msg in (b"hello", b"temp=21", b"bye"):
    client.send(msg)
server.send(b"ok")
pump(client, server, trace)
client.close()
pump(client, server, trace)
server.close()
pump(client, server, trace)
for line in trace:
    print(" ", line)
print("server got", server.received, "client got", client.received)
print("client log", client.log)
print("server log", server.log)
try:
    client.send(b"late")
except ProtocolError as e:
    print("ProtocolError:", e)
x = Peer("X", 1)
try:
    x.on_segment((F_DATA, 0, 0, b"?"))
except ProtocolError as e:
    print("ProtocolError:", e)
