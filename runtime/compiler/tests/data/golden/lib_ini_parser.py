# INI-style configuration parser with sections, comments, continuation
# lines, interpolation ${section:key}, typed getters, and writer.


class IniError(Exception):
    pass


class Ini:
    def __init__(self):
        self.sections = {}
        self.order = []

    def _section(self, name):
        if name not in self.sections:
            self.sections[name] = {}
            self.order.append(name)
        return self.sections[name]

    def read(self, text):
        cur = self._section("DEFAULT")
        last_key = None
        for lineno, raw in enumerate(text.split("\n"), 1):
            line = raw.rstrip()
            stripped = line.strip()
            if not stripped or stripped[0] in "#;":
                continue
            if line[0] in " \t" and last_key is not None:
                cur[last_key] += "\n" + stripped
                continue
            if stripped.startswith("["):
                if not stripped.endswith("]"):
                    raise IniError("line %d: bad section header" % lineno)
                cur = self._section(stripped[1:-1].strip())
                last_key = None
                continue
            for sep in ("=", ":"):
                if sep in stripped:
                    k, _, v = stripped.partition(sep)
                    break
            else:
                raise IniError("line %d: expected key=value" % lineno)
            last_key = k.strip().lower()
            cur[last_key] = v.strip()
        return self

    def get(self, section, key, default=None, depth=0):
        sec = self.sections.get(section, {})
        if key in sec:
            val = sec[key]
        elif key in self.sections["DEFAULT"]:
            val = self.sections["DEFAULT"][key]
        elif default is not None:
            return default
        else:
            raise IniError("no key %s.%s" % (section, key))
        return self._interp(val, section, depth)

    def _interp(self, val, section, depth):
        if depth > 5:
            raise IniError("interpolation too deep")
        out = ""
        i = 0
        while True:
            j = val.find("${", i)
            if j < 0:
                return out + val[i:]
            k = val.find("}", j)
            ref = val[j + 2:k]
            sec, _, key = ref.rpartition(":")
            out += val[i:j] + self.get(sec or section, key, None, depth + 1)
            i = k + 1

    def getint(self, s, k, default=None):
        return int(self.get(s, k, None if default is None else str(default)))

    def getbool(self, s, k):
        v = self.get(s, k).lower()
        if v in ("1", "yes", "true", "on"):
            return True
        if v in ("0", "no", "false", "off"):
            return False
        raise IniError("not a boolean: %r" % v)

    def getlist(self, s, k):
        return [x.strip() for x in self.get(s, k).replace("\n", ",").split(",") if x.strip()]

    def write(self):
        out = []
        for name in self.order:
            sec = self.sections[name]
            if not sec:
                continue
            out.append("[%s]" % name)
            for k in sorted(sec):
                out.append("%s = %s" % (k, sec[k].replace("\n", "\n    ")))
            out.append("")
        return "\n".join(out)


SRC = """
; global defaults
root = /flash
debug = off

[network]
hostname = pico-${board:name}
Port: 8080
enabled = Yes
peers = 10.0.0.1, 10.0.0.2,
    10.0.0.3
# comment inside
[board]
name = w2
data_dir = ${root}/data
log_dir = ${data_dir}/logs
pins = 2,3
  4

[empty]
"""
ini = Ini().read(SRC)
print("sections:", ini.order)
print("hostname:", ini.get("network", "hostname"))
print("port:", ini.getint("network", "port"), "enabled:", ini.getbool("network", "enabled"))
print("peers:", ini.getlist("network", "peers"))
print("log_dir:", ini.get("board", "log_dir"))
print("pins:", [int(p) for p in ini.getlist("board", "pins")])
print("debug default:", ini.getbool("board", "debug"), "fallback:", ini.get("empty", "missing", "dflt"))
print("getint default:", ini.getint("empty", "timeout", 30))
for bad in (lambda: ini.get("board", "nope"), lambda: ini.getbool("board", "name"),
            lambda: Ini().read("[broken"), lambda: Ini().read("just text"),
            lambda: Ini().read("a = ${b}\nb = ${a}").get("DEFAULT", "a")):
    try:
        bad()
    except IniError as e:
        print("error:", e)
print(ini.write())
