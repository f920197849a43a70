# Minimal command-line argument parser: flags, options with types and
# defaults, choices, repeated options, positional args, subcommands, help.


class ArgError(Exception):
    pass


class Option:
    def __init__(self, names, dest, kind=str, default=None, flag=False, choices=None, repeat=False, help=""):
        self.names, self.dest, self.kind = names, dest, kind
        self.default, self.flag, self.choices = default, flag, choices
        self.repeat, self.help = repeat, help


class Parser:
    def __init__(self, prog):
        self.prog = prog
        self.options = []
        self.positionals = []
        self.subs = {}

    def add(self, *names, **kw):
        dest = kw.pop("dest", None) or names[-1].lstrip("-").replace("-", "_")
        self.options.append(Option(names, dest, **kw))

    def positional(self, name, kind=str, nargs=1):
        self.positionals.append((name, kind, nargs))

    def sub(self, name):
        p = Parser(self.prog + " " + name)
        self.subs[name] = p
        return p

    def _find(self, name):
        for o in self.options:
            if name in o.names:
                return o
        raise ArgError("unknown option " + name)

    def parse(self, argv):
        ns = {}
        for o in self.options:
            ns[o.dest] = [] if o.repeat else (False if o.flag else o.default)
        pos = []
        i = 0
        while i < len(argv):
            a = argv[i]
            if a == "--":
                pos.extend(argv[i + 1:])
                break
            if a.startswith("-") and len(a) > 1 and not a[1:].isdigit():
                name, eq, val = a.partition("=")
                o = self._find(name)
                if o.flag:
                    ns[o.dest] = True
                else:
                    if not eq:
                        i += 1
                        if i >= len(argv):
                            raise ArgError("option %s needs a value" % name)
                        val = argv[i]
                    try:
                        v = o.kind(val)
                    except ValueError:
                        raise ArgError("bad value %r for %s" % (val, name))
                    if o.choices and v not in o.choices:
                        raise ArgError("%s must be one of %s" % (name, ",".join(map(str, o.choices))))
                    if o.repeat:
                        ns[o.dest].append(v)
                    else:
                        ns[o.dest] = v
            elif self.subs and a in self.subs and not pos:
                ns["command"] = a
                ns.update(self.subs[a].parse(argv[i + 1:]))
                break
            else:
                pos.append(a)
            i += 1
        j = 0
        for name, kind, nargs in self.positionals:
            if nargs == "*":
                ns[name] = [kind(x) for x in pos[j:]]
                j = len(pos)
            else:
                if j >= len(pos):
                    raise ArgError("missing argument " + name)
                ns[name] = kind(pos[j])
                j += 1
        if j < len(pos):
            raise ArgError("unexpected arguments: " + " ".join(pos[j:]))
        return ns

    def help(self):
        lines = ["usage: %s [options] %s" % (self.prog, " ".join(p[0] for p in self.positionals))]
        for o in self.options:
            label = ", ".join(o.names) + ("" if o.flag else " VALUE")
            extra = " (default %r)" % (o.default,) if o.default is not None else ""
            lines.append("  %-24s %s%s" % (label, o.help, extra))
        if self.subs:
            lines.append("commands: " + ", ".join(sorted(self.subs)))
        return "\n".join(lines)


p = Parser("flash")
p.add("-v", "--verbose", flag=True, help="chatty output")
p.add("-b", "--baud", kind=int, default=115200, help="serial speed")
p.add("--board", choices=("pico", "pico_w", "pico2"), default="pico", help="target")
p.add("-D", "--define", repeat=True, help="macro")
p.add("--scale", kind=float, default=1.0)
p.positional("files", nargs="*")
print(p.help())
cases = [
    [],
    ["-v", "main.py"],
    ["--baud", "9600", "--board=pico_w", "a.py", "b.py"],
    ["-D", "X=1", "-DY", "--define=Z", "--", "-notaflag.py"],
    ["--scale", "-2.5", "x"],
    ["--baud"],
    ["--baud", "fast"],
    ["--board", "esp32"],
    ["--nope"],
]
for argv in cases:
    try:
        ns = p.parse(argv)
        print("%-40s -> %s" % (" ".join(argv), sorted(ns.items())))
    except ArgError as e:
        print("%-40s -> error: %s" % (" ".join(argv), e))
git = Parser("tool")
git.add("-q", "--quiet", flag=True)
build = git.sub("build")
build.add("-j", "--jobs", kind=int, default=1)
build.positional("target")
run = git.sub("run")
run.positional("script")
run.positional("args", nargs="*")
for argv in (["build", "-j", "4", "firmware"], ["-q", "run", "app.py", "1", "2"], ["build"], ["run", "x", "--", "-y"]):
    try:
        print(" ".join(argv), "->", sorted(git.parse(argv).items()))
    except ArgError as e:
        print(" ".join(argv), "-> error:", e)
print(git.help())
