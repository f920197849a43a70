# Incremental HTTP/1.1 request parser (request line, headers, Content-Length and chunked
# bodies) as an explicit state machine fed with arbitrary fragments.
from micropython import const

S_LINE = const(0)
S_HEADERS = const(1)
S_BODY = const(2)
S_CHUNK_SIZE = const(3)
S_CHUNK_DATA = const(4)
S_DONE = const(5)


class BadRequest(Exception):
    pass


class Request:
    def __init__(self):
        self.method = self.path = self.version = None
        self.headers = {}
        self.body = b""
        self.query = {}


class Parser:
    def __init__(self, max_header=512):
        self.state = S_LINE
        self.buf = b""
        self.req = Request()
        self.need = 0
        self.max_header = max_header

    def _line(self):
        i = self.buf.find(b"\r\n")
        if i < 0:
            if len(self.buf) > self.max_header:
                raise BadRequest("header too long")
            return None
        line, self.buf = self.buf[:i], self.buf[i + 2:]
        return line.decode()

    def feed(self, data):
        self.buf += data
        while True:
            st = self.state
            if st == S_LINE:
                line = self._line()
                if line is None:
                    return False
                parts = line.split(" ")
                if len(parts) != 3 or not parts[2].startswith("HTTP/"):
                    raise BadRequest("bad request line")
                self.req.method, target, self.req.version = parts
                path, _, qs = target.partition("?")
                self.req.path = path
                for pair in qs.split("&") if qs else []:
                    k, _, v = pair.partition("=")
                    self.req.query[k] = v
                self.state = S_HEADERS
            elif st == S_HEADERS:
                line = self._line()
                if line is None:
                    return False
                if line == "":
                    h = self.req.headers
                    if h.get("transfer-encoding") == "chunked":
                        self.state = S_CHUNK_SIZE
                    elif "content-length" in h:
                        self.need = int(h["content-length"])
                        self.state = S_BODY
                    else:
                        self.state = S_DONE
                    continue
                name, sep, value = line.partition(":")
                if not sep:
                    raise BadRequest("bad header")
                self.req.headers[name.strip().lower()] = value.strip()
            elif st == S_BODY:
                if len(self.buf) < self.need:
                    return False
                self.req.body, self.buf = self.buf[:self.need], self.buf[self.need:]
                self.state = S_DONE
            elif st == S_CHUNK_SIZE:
                line = self._line()
                if line is None:
                    return False
                self.need = int(line.split(";")[0], 16)
                self.state = S_CHUNK_DATA if self.need else S_DONE
                if not self.need:
                    self._line()
            elif st == S_CHUNK_DATA:
                if len(self.buf) < self.need + 2:
                    return False
                self.req.body += self.buf[:self.need]
                self.buf = self.buf[self.need + 2:]
                self.state = S_CHUNK_SIZE
            else:
                return True


def parse_in_pieces(raw, size):
    p = Parser()
    for i in range(0, len(raw), size):
        if p.feed(raw[i:i + size]):
            return p.req, p.buf
    return None, p.buf


requests = [
    b"GET /status?verbose=1&unit=C HTTP/1.1\r\nHost: pico.local\r\nAccept: */*\r\n\r\n",
    b"POST /led HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 15\r\n\r\n{\"on\": true, 1}",
    b"PUT /fw HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\n\r\n",
]
for raw in requests:
    for size in (1, 7, 1000):
        req, rest = parse_in_pieces(raw, size)
        if size == 7:
            print("%s %s %s query=%s" % (req.method, req.path, req.version, sorted(req.query.items())))
            print("   headers", sorted(req.headers.items()))
            print("   body", req.body, "leftover", rest)
        else:
            assert req.body == parse_in_pieces(raw, 7)[0].body
pipelined = requests[0] + requests[1]
p = Parser()
print("pipelined first done:", p.feed(pipelined), p.req.path, "remaining", len(p.buf))
partial = Parser()
print("partial:", partial.feed(b"GET / HT"), partial.state)
for bad in (b"HELLO\r\n", b"GET / HTTP/1.1\r\nNoColon\r\n", b"GET /" + b"x" * 600):
    try:
        Parser().feed(bad)
        print("no error")
    except BadRequest as e:
        print("BadRequest:", e)
