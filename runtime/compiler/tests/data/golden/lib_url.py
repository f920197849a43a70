# URL parsing and building: scheme, userinfo, host, port, path, query and
# fragment; percent-encoding/decoding; query string parse/serialise; path
# normalisation and relative resolution.

SAFE = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~"


def quote(s, safe="/"):
    out = []
    for b in s.encode():
        c = chr(b)
        if c in SAFE or c in safe:
            out.append(c)
        else:
            out.append("%%%02X" % b)
    return "".join(out)


def unquote(s):
    out = bytearray()
    i = 0
    while i < len(s):
        if s[i] == "%" and i + 2 < len(s) + 1 and len(s[i + 1:i + 3]) == 2:
            out.append(int(s[i + 1:i + 3], 16))
            i += 3
        else:
            out.extend(("+" if False else s[i]).encode())
            i += 1
    return out.decode()


def parse_qs(q):
    res = {}
    for part in q.split("&"):
        if not part:
            continue
        k, _, v = part.partition("=")
        res.setdefault(unquote(k.replace("+", " ")), []).append(unquote(v.replace("+", " ")))
    return res


def urlencode(pairs):
    return "&".join(quote(str(k), "") + "=" + quote(str(v), "") for k, v in pairs)


class URL:
    def __init__(self, text):
        self.scheme, sep, rest = text.partition("://")
        if not sep:
            self.scheme, rest = "", text
        rest, _, self.fragment = rest.partition("#")
        rest, _, self.query = rest.partition("?")
        if self.scheme:
            slash = rest.find("/")
            netloc, self.path = (rest, "/") if slash < 0 else (rest[:slash], rest[slash:])
        else:
            netloc, self.path = "", rest
        userinfo, at, hostport = netloc.rpartition("@")
        self.user = userinfo if at else ""
        host, colon, port = hostport.rpartition(":")
        if colon and port.isdigit():
            self.host, self.port = host, int(port)
        else:
            self.host, self.port = hostport, None

    def default_port(self):
        return self.port or {"http": 80, "https": 443, "mqtt": 1883, "ws": 80}.get(self.scheme)

    def __str__(self):
        s = ""
        if self.scheme:
            s = self.scheme + "://" + (self.user + "@" if self.user else "") + self.host
            if self.port:
                s += ":%d" % self.port
        s += self.path
        if self.query:
            s += "?" + self.query
        if self.fragment:
            s += "#" + self.fragment
        return s


def normalize(path):
    parts = []
    for seg in path.split("/"):
        if seg == "..":
            if parts:
                parts.pop()
        elif seg and seg != ".":
            parts.append(seg)
    return "/" + "/".join(parts) + ("/" if path.endswith("/") and parts else "")


def resolve(base, ref):
    if "://" in ref:
        return ref
    b = URL(base)
    if ref.startswith("/"):
        b.path = normalize(ref.partition("?")[0])
    else:
        d = b.path[:b.path.rfind("/") + 1]
        b.path = normalize(d + ref.partition("?")[0])
    b.query = ref.partition("?")[2]
    b.fragment = ""
    return str(b)


for u in ("https://user:pw@example.com:8443/a/b/c.html?x=1&y=two#frag",
          "http://pico.local/", "mqtt://broker:1883", "ws://10.0.0.5/socket?token=a%20b",
          "/relative/path?q", "file.txt"):
    p = URL(u)
    print("%s\n  scheme=%r user=%r host=%r port=%r/%r path=%r query=%r frag=%r\n  rebuilt=%s" % (
        u, p.scheme, p.user, p.host, p.port, p.default_port(), p.path, p.query, p.fragment, p))
for s in ("hello world", "a/b c?d=e&f", "caf\u00e9 \u20ac", "100%"):
    q = quote(s)
    print("quote %-14r -> %-28s back=%s" % (s, q, unquote(q) == s))
qs = parse_qs("name=Ada+Lovelace&lang=py&lang=c&empty=&flag&pct=%41%42")
print("parse_qs:", sorted(qs.items()))
print("urlencode:", urlencode([("q", "pico w"), ("n", 5), ("sym", "a&b=c")]))
for p in ("/a/./b/../c", "/../x", "a//b///c/", "/a/b/c/../../..", "/"):
    print("normalize %-18r -> %r" % (p, normalize(p)))
base = "http://h.com/docs/guide/intro.html?x=1"
for ref in ("setup.html", "../api/index.html", "/root.html", "./img/a.png?s=2", "https://other.org/x", "../../../up"):
    print("resolve %-20s -> %s" % (ref, resolve(base, ref)))
