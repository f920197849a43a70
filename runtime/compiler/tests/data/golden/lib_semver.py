# Semantic version parsing, comparison (with pre-release rules), range
# matching (^, ~, >=, <, exact, x-wildcards) and dependency resolution.


class Version:
    def __init__(self, text):
        core, _, pre = text.partition("-")
        parts = core.split(".")
        if len(parts) != 3 or not all(p.isdigit() for p in parts):
            raise ValueError("invalid version: %r" % text)
        self.major, self.minor, self.patch = [int(p) for p in parts]
        self.pre = pre.split(".") if pre else []
        self.text = text

    def key(self):
        pre_key = []
        for p in self.pre:
            pre_key.append((0, int(p), "") if p.isdigit() else (1, 0, p))
        return (self.major, self.minor, self.patch, 0 if self.pre else 1, pre_key)

    def __eq__(self, o):
        return self.key() == o.key()

    def __lt__(self, o):
        return self.key() < o.key()

    def __le__(self, o):
        return self.key() <= o.key()

    def __gt__(self, o):
        return o < self

    def __ge__(self, o):
        return o <= self

    def __hash__(self):
        return hash(self.text)

    def __repr__(self):
        return self.text

    def bump(self, part):
        if part == "major":
            return Version("%d.0.0" % (self.major + 1))
        if part == "minor":
            return Version("%d.%d.0" % (self.major, self.minor + 1))
        return Version("%d.%d.%d" % (self.major, self.minor, self.patch + 1))


def parse_range(spec):
    spec = spec.strip()
    if " " in spec:
        parts = [parse_range(s) for s in spec.split()]
        return lambda v: all(p(v) for p in parts)
    if spec in ("*", "x"):
        return lambda v: not v.pre
    if spec.startswith("^"):
        lo = Version(spec[1:])
        hi = lo.bump("major") if lo.major else (lo.bump("minor") if lo.minor else lo.bump("patch"))
        return lambda v: lo <= v < hi
    if spec.startswith("~"):
        lo = Version(spec[1:])
        hi = lo.bump("minor")
        return lambda v: lo <= v < hi
    for op in (">=", "<=", ">", "<", "="):
        if spec.startswith(op):
            ref = Version(spec[len(op):])
            return {">=": lambda v: v >= ref, "<=": lambda v: v <= ref, ">": lambda v: v > ref,
                    "<": lambda v: v < ref, "=": lambda v: v == ref}[op]
    if "x" in spec:
        fields = spec.split(".")
        def match(v):
            vals = (v.major, v.minor, v.patch)
            return all(f == "x" or int(f) == vals[i] for i, f in enumerate(fields))
        return match
    ref = Version(spec)
    return lambda v: v == ref


def best(available, spec):
    pred = parse_range(spec)
    cands = [v for v in available if pred(v)]
    return max(cands) if cands else None


vs = [Version(t) for t in ("1.0.0", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-beta", "1.0.0-beta.2",
                          "1.0.0-beta.11", "1.0.0-rc.1", "0.9.12", "1.2.3", "1.10.0", "2.0.0", "0.0.3")]
print("sorted:", sorted(vs))
print("max/min:", max(vs), min(vs))
print("compare:", Version("1.2.3") < Version("1.10.0"), Version("1.0.0-rc.1") < Version("1.0.0"), Version("2.0.0") == Version("2.0.0"))
for bad in ("1.2", "a.b.c", "1.2.3.4", ""):
    try:
        Version(bad)
    except ValueError as e:
        print("error:", e)
pool = [Version(t) for t in ("0.1.0", "0.1.5", "0.2.0", "1.0.0", "1.1.0", "1.4.7", "1.5.0-rc.1", "2.0.0", "2.3.1", "3.0.0-beta")]
for spec in ("^1.1.0", "~1.1.0", ">=2.0.0", "<1.0.0", "1.x", "1.4.x", "^0.1.0", "^0.0.1", "*", ">=1.0.0 <2.0.0", "=2.3.1", "9.9.9"):
    pred = parse_range(spec)
    print("%-16s best=%-8s all=%s" % (spec, best(pool, spec), [v for v in pool if pred(v)]))
deps = {"app": "^1.0.0", "lib": "~2.3.0", "util": ">=0.1.0 <0.2.0"}
registry = {"app": pool, "lib": pool, "util": pool}
for name in sorted(deps):
    print("resolve %-4s %-16s -> %s" % (name, deps[name], best(registry[name], deps[name])))
v = Version("1.9.9")
print("bumps:", v.bump("patch"), v.bump("minor"), v.bump("major"))
