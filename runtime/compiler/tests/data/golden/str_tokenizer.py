# Hand-written lexer for a small expression language, followed by a
# recursive-descent parser and evaluator with variables and functions.

KEYWORDS = ("let", "if", "then", "else", "and", "or", "not")
OPS2 = ("==", "!=", "<=", ">=", "**")
OPS1 = "+-*/%<>()=,"


class Token:
    __slots__ = ("kind", "text", "pos")

    def __init__(self, kind, text, pos):
        self.kind, self.text, self.pos = kind, text, pos

    def __repr__(self):
        return "%s:%s" % (self.kind, self.text)


class LexError(Exception):
    pass


def tokenize(src):
    toks = []
    i = 0
    n = len(src)
    while i < n:
        c = src[i]
        if c.isspace():
            i += 1
            continue
        if c == "#":
            while i < n and src[i] != "\n":
                i += 1
            continue
        if c.isdigit() or (c == "." and i + 1 < n and src[i + 1].isdigit()):
            j = i
            while j < n and (src[j].isdigit() or src[j] == "."):
                j += 1
            toks.append(Token("num", src[i:j], i))
            i = j
            continue
        if c.isalpha() or c == "_":
            j = i
            while j < n and (src[j].isalpha() or src[j].isdigit() or src[j] == "_"):
                j += 1
            word = src[i:j]
            toks.append(Token("kw" if word in KEYWORDS else "name", word, i))
            i = j
            continue
        if c == '"':
            j = i + 1
            buf = []
            while j < n and src[j] != '"':
                if src[j] == "\\" and j + 1 < n:
                    j += 1
                    buf.append({"n": "\n", "t": "\t"}.get(src[j], src[j]))
                else:
                    buf.append(src[j])
                j += 1
            if j >= n:
                raise LexError("unterminated string at %d" % i)
            toks.append(Token("str", "".join(buf), i))
            i = j + 1
            continue
        if src[i:i + 2] in OPS2:
            toks.append(Token("op", src[i:i + 2], i))
            i += 2
            continue
        if c in OPS1:
            toks.append(Token("op", c, i))
            i += 1
            continue
        raise LexError("bad char %r at %d" % (c, i))
    toks.append(Token("eof", "", n))
    return toks


class Parser:
    def __init__(self, toks, env):
        self.t = toks
        self.i = 0
        self.env = env

    def peek(self):
        return self.t[self.i]

    def take(self, text=None):
        tok = self.t[self.i]
        if text is not None and tok.text != text:
            raise SyntaxError("expected %r got %r at %d" % (text, tok.text, tok.pos))
        self.i += 1
        return tok

    def statement(self):
        if self.peek().text == "let":
            self.take()
            name = self.take().text
            self.take("=")
            v = self.expr()
            self.env[name] = v
            return v
        return self.expr()

    def expr(self):
        if self.peek().text == "if":
            self.take()
            c = self.expr()
            self.take("then")
            a = self.expr()
            self.take("else")
            b = self.expr()
            return a if c else b
        return self.logic()

    def logic(self):
        v = self.compare()
        while self.peek().text in ("and", "or"):
            op = self.take().text
            r = self.compare()
            v = (v and r) if op == "and" else (v or r)
        return v

    def compare(self):
        v = self.arith()
        while self.peek().text in ("==", "!=", "<", ">", "<=", ">="):
            op = self.take().text
            r = self.arith()
            v = {"==": v == r, "!=": v != r, "<": v < r, ">": v > r, "<=": v <= r, ">=": v >= r}[op]
        return v

    def arith(self):
        v = self.term()
        while self.peek().text in ("+", "-"):
            op = self.take().text
            r = self.term()
            v = v + r if op == "+" else v - r
        return v

    def term(self):
        v = self.power()
        while self.peek().text in ("*", "/", "%"):
            op = self.take().text
            r = self.power()
            v = v * r if op == "*" else (v // r if op == "/" else v % r)
        return v

    def power(self):
        v = self.unary()
        if self.peek().text == "**":
            self.take()
            return v ** self.power()
        return v

    def unary(self):
        if self.peek().text == "-":
            self.take()
            return -self.unary()
        if self.peek().text == "not":
            self.take()
            return not self.unary()
        return self.atom()

    def atom(self):
        tok = self.take()
        if tok.kind == "num":
            return float(tok.text) if "." in tok.text else int(tok.text)
        if tok.kind == "str":
            return tok.text
        if tok.text == "(":
            v = self.expr()
            self.take(")")
            return v
        if tok.kind == "name":
            if self.peek().text == "(":
                self.take()
                args = []
                while self.peek().text != ")":
                    args.append(self.expr())
                    if self.peek().text == ",":
                        self.take()
                self.take(")")
                return self.env[tok.text](*args)
            if tok.text not in self.env:
                raise NameError("undefined " + tok.text)
            return self.env[tok.text]
        raise SyntaxError("unexpected %r at %d" % (tok.text, tok.pos))


env = {"max": max, "min": min, "len": len, "abs": abs, "upper": lambda s: s.upper()}
print(tokenize('let x = 3 ** 2 # comment\n"a\\tb" <= >= != foo_1'))
programs = [
    "1 + 2 * 3",
    "(1 + 2) * 3",
    "2 ** 3 ** 2",
    "-7 / 2",
    "let x = 10",
    "let y = x * x - 1",
    "if y > 50 then y % 7 else 0",
    "max(x, y, 3) - min(4, x)",
    'upper("hi") == "HI" and not 0',
    'len("tokenizer") + abs(-5)',
    "1 < 2 and 2 < 1 or 3 == 3",
    "x >= 10 and x != 11",
    "2.5 * 4",
]
for p in programs:
    print("%-32s => %r" % (p, Parser(tokenize(p), env).statement()))
for bad in ("1 +", "let = 3", "3 $ 4", '"open', "zz + 1", "(1 + 2"):
    try:
        Parser(tokenize(bad), env).statement()
        print("%-10s no error" % bad)
    except (SyntaxError, LexError, NameError, KeyError) as e:
        print("%-10s %s: %s" % (bad, type(e).__name__, e))
