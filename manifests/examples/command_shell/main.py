# A small command shell, as a serial console would offer: it parses lines
# from a scripted input, dispatches to handlers and keeps variables.
import gc

SCRIPT = """
help
set led 1
set rate 250
get rate
add rate 50
get rate
vars
echo hello   world
frobnicate
add led
get missing
"""


class Shell:
    def __init__(self):
        self.vars = {}
        self.commands = {}
        for name in ("help", "set", "get", "add", "vars", "echo"):
            self.commands[name] = getattr(self, "do_" + name)

    def run_line(self, line):
        words = line.split()
        if not words:
            return None
        handler = self.commands.get(words[0])
        if handler is None:
            return "error: unknown command %r" % words[0]
        try:
            return handler(*words[1:])
        except TypeError:
            return "error: wrong arguments for %s" % words[0]
        except KeyError as error:
            return "error: no variable %s" % error.args[0]

    def do_help(self):
        return "commands: " + " ".join(sorted(self.commands))

    def do_set(self, name, value):
        self.vars[name] = int(value)
        return "ok"

    def do_get(self, name):
        return "%s = %d" % (name, self.vars[name])

    def do_add(self, name, amount):
        self.vars[name] += int(amount)
        return "ok"

    def do_vars(self):
        return ", ".join("%s=%d" % item for item in sorted(self.vars.items()))

    def do_echo(self, *words):
        return " ".join(words)


shell = Shell()
for line in SCRIPT.splitlines():
    reply = shell.run_line(line)
    if reply is not None:
        print("> " + line)
        print(reply)
alloc = getattr(gc, "mem_alloc", None)
print("heap:", alloc() if alloc else 0, "bytes")
