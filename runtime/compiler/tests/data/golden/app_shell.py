# Serial command shell: command registry via decorator with argument specs, quoting-aware
# line splitting, type conversion, help text, history, and error reporting.
COMMANDS = {}


class UsageError(Exception):
    pass


def command(name, *types, help=""):
    def register(fn):
        COMMANDS[name] = (fn, types, help)
        return fn
    return register


def split_line(line):
    args, cur, quote, has = [], "", None, False
    for ch in line:
        if quote:
            if ch == quote:
                quote = None
            else:
                cur += ch
        elif ch in "'\"":
            quote, has = ch, True
        elif ch == " ":
            if cur or has:
                args.append(cur)
            cur, has = "", False
        else:
            cur += ch
    if quote:
        raise UsageError("unterminated quote")
    if cur or has:
        args.append(cur)
    return args


STATE = {"pins": [0] * 8, "vars": {}, "history": []}


@command("pin", int, int, help="pin N 0|1 - set output")
def cmd_pin(n, v):
    if not 0 <= n < len(STATE["pins"]):
        raise UsageError("pin out of range")
    STATE["pins"][n] = 1 if v else 0
    return "pin %d = %d" % (n, STATE["pins"][n])


@command("pins", help="show all pins")
def cmd_pins():
    return "".join(str(p) for p in STATE["pins"])


@command("set", str, str, help="set NAME VALUE")
def cmd_set(name, value):
    STATE["vars"][name] = value
    return "%s=%r" % (name, value)


@command("add", float, float, help="add A B")
def cmd_add(a, b):
    return "%.3f" % (a + b)


@command("help", help="list commands")
def cmd_help():
    return "\n".join("  %-5s %s" % (n, COMMANDS[n][2]) for n in sorted(COMMANDS))


@command("history", help="show history")
def cmd_history():
    return " | ".join(STATE["history"][-4:])


def execute(line):
    line = line.strip()
    if not line or line.startswith("#"):
        return None
    STATE["history"].append(line)
    try:
        parts = split_line(line)
        name, args = parts[0], parts[1:]
        if "$" in line:
            args = [STATE["vars"].get(a[1:], a) if a.startswith("$") else a for a in args]
        if name not in COMMANDS:
            raise UsageError("unknown command %r" % name)
        fn, types, _ = COMMANDS[name]
        if len(args) != len(types):
            raise UsageError("%s takes %d args, got %d" % (name, len(types), len(args)))
        try:
            conv = [t(a) for t, a in zip(types, args)]
        except ValueError:
            raise UsageError("bad argument")
        return fn(*conv)
    except UsageError as e:
        return "error: %s" % e


script = """
help
pin 3 1
pin 7 1
pins
pin 9 1
pin x 1
set greeting "hello world"
set empty ''
add 1.5 2.25
add $a 1
set a 40
add $a 2
bogus
# a comment
set broken "oops
history
"""
for line in script.split("\n"):
    out = execute(line)
    if out is not None:
        print("> " + line)
        print(out)
print("vars", sorted(STATE["vars"].items()))
print("split", split_line('a "b c" \'d\' e""f'))
