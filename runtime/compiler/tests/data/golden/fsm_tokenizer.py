# Character-level tokenizer state machine for a tiny config/command language, followed by
# a recursive-descent evaluator for arithmetic expressions with variables.
from micropython import const

T_NUM = "NUM"
T_ID = "ID"
T_STR = "STR"
T_OP = "OP"
T_END = "END"
_S_START = const(0)
_S_NUM = const(1)
_S_ID = const(2)
_S_STR = const(3)
_S_COMMENT = const(4)
OPS = "+-*/%()=,<>"


class LexError(Exception):
    pass


def tokenize(src):
    state = _S_START
    tokens = []
    buf = ""
    line = 1
    i = 0
    while i <= len(src):
        ch = src[i] if i < len(src) else "\0"
        if state == _S_START:
            if ch == "\0":
                break
            if ch == "\n":
                line += 1
                tokens.append((T_END, ";", line - 1))
            elif ch in " \t":
                pass
            elif ch == "#":
                state = _S_COMMENT
            elif ch.isdigit() or ch == ".":
                state, buf = _S_NUM, ch
            elif ch.isalpha() or ch == "_":
                state, buf = _S_ID, ch
            elif ch == '"':
                state, buf = _S_STR, ""
            elif ch in OPS:
                if ch in "<>" and i + 1 < len(src) and src[i + 1] == "=":
                    tokens.append((T_OP, ch + "=", line))
                    i += 1
                else:
                    tokens.append((T_OP, ch, line))
            elif ch == ";":
                tokens.append((T_END, ";", line))
            else:
                raise LexError("line %d: unexpected %r" % (line, ch))
            i += 1
        elif state == _S_NUM:
            if ch.isdigit() or (ch == "." and "." not in buf):
                buf += ch
                i += 1
            else:
                tokens.append((T_NUM, float(buf) if "." in buf else int(buf), line))
                state = _S_START
        elif state == _S_ID:
            if ch.isalpha() or ch.isdigit() or ch == "_":
                buf += ch
                i += 1
            else:
                tokens.append((T_ID, buf, line))
                state = _S_START
        elif state == _S_STR:
            if ch == "\0" or ch == "\n":
                raise LexError("line %d: unterminated string" % line)
            if ch == '"':
                tokens.append((T_STR, buf, line))
                state = _S_START
            else:
                buf += ch
            i += 1
        elif state == _S_COMMENT:
            if ch == "\n" or ch == "\0":
                state = _S_START
            else:
                i += 1
    return tokens


class Evaluator:
    def __init__(self, tokens, env):
        self.toks = [t for t in tokens] + [(T_END, ";", 0)]
        self.pos = 0
        self.env = env

    def peek(self):
        return self.toks[self.pos]

    def take(self, kind=None, value=None):
        tok = self.toks[self.pos]
        if (kind and tok[0] != kind) or (value and tok[1] != value):
            raise SyntaxError("expected %s got %r" % (value or kind, tok[1]))
        self.pos += 1
        return tok

    def statements(self):
        results = []
        while self.pos < len(self.toks) - 1:
            if self.peek()[0] == T_END:
                self.take()
                continue
            if self.peek()[0] == T_ID and self.toks[self.pos + 1][1] == "=":
                name = self.take()[1]
                self.take(T_OP, "=")
                self.env[name] = self.expr()
                results.append((name, self.env[name]))
            else:
                results.append(("_", self.expr()))
        return results

    def expr(self):
        v = self.term()
        while self.peek()[1] in ("+", "-", "<", ">", "<=", ">="):
            op = self.take()[1]
            r = self.term()
            v = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "<": lambda a, b: int(a < b),
                 ">": lambda a, b: int(a > b), "<=": lambda a, b: int(a <= b),
                 ">=": lambda a, b: int(a >= b)}[op](v, r)
        return v

    def term(self):
        v = self.factor()
        while self.peek()[1] in ("*", "/", "%"):
            op = self.take()[1]
            r = self.factor()
            v = v * r if op == "*" else (v / r if op == "/" else v % r)
        return v

    def factor(self):
        kind, val, _ = self.peek()
        if val == "-":
            self.take()
            return -self.factor()
        if val == "(":
            self.take()
            v = self.expr()
            self.take(T_OP, ")")
            return v
        if kind in (T_NUM, T_STR):
            self.take()
            return val
        if kind == T_ID:
            self.take()
            if self.peek()[1] == "(":
                self.take()
                args = [self.expr()]
                while self.peek()[1] == ",":
                    self.take()
                    args.append(self.expr())
                self.take(T_OP, ")")
                return {"max": max, "min": min, "abs": abs, "len": len}[val](*args)
            return self.env[val]
        raise SyntaxError("unexpected %r" % (val,))


src = '''# thermostat rules
setpoint = 21.5
hyst = 0.5; low = setpoint - hyst
high = setpoint + hyst   # upper bound
name = "living room"
n = len(name) * 2 + max(3, 7, 5) % 4
low <= 21
(high - low) * 10
-(-3) * -(2 + 1)
'''
toks = tokenize(src)
print("tokens", len(toks))
for t in toks[:14]:
    print("  %-3s %-12r line %d" % t)
env = {}
for name, value in Evaluator(toks, env).statements():
    print("%-9s = %s" % (name, ("%.2f" % value) if isinstance(value, float) else repr(value)))
print("env keys", sorted(env))
for bad in ('x = "open', "a = 3 $ 4", "(1 + 2"):
    try:
        Evaluator(tokenize(bad), {}).statements()
    except LexError as e:
        print("LexError:", e)
    except SyntaxError as e:
        print("SyntaxError:", e)
