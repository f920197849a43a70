# A small template engine: {{ var }} substitution with filters, dotted
# lookups, {% if %}/{% for %} blocks with nesting, and escaping.


class TemplateError(Exception):
    pass


FILTERS = {
    "upper": lambda v: str(v).upper(),
    "lower": lambda v: str(v).lower(),
    "len": lambda v: len(v),
    "strip": lambda v: str(v).strip(),
    "first": lambda v: v[0],
    "title": lambda v: " ".join(w[:1].upper() + w[1:] for w in str(v).split()),
    "money": lambda v: "%.2f" % v,
}


def lookup(ctx, expr):
    expr = expr.strip()
    if expr.startswith('"') and expr.endswith('"'):
        return expr[1:-1]
    if expr.isdigit():
        return int(expr)
    parts = expr.split(".")
    val = ctx
    for p in parts:
        if isinstance(val, dict) and p in val:
            val = val[p]
        elif isinstance(val, (list, tuple)) and p.isdigit():
            val = val[int(p)]
        else:
            raise TemplateError("undefined: " + expr)
    return val


def evaluate(ctx, expr):
    pieces = expr.split("|")
    val = lookup(ctx, pieces[0])
    for f in pieces[1:]:
        f = f.strip()
        if f not in FILTERS:
            raise TemplateError("unknown filter: " + f)
        val = FILTERS[f](val)
    return val


def tokenize(src):
    out = []
    i = 0
    while i < len(src):
        a = src.find("{{", i)
        b = src.find("{%", i)
        starts = [x for x in (a, b) if x >= 0]
        if not starts:
            out.append(("text", src[i:]))
            break
        j = min(starts)
        if j > i:
            out.append(("text", src[i:j]))
        close = "}}" if src[j:j + 2] == "{{" else "%}"
        k = src.find(close, j)
        if k < 0:
            raise TemplateError("unclosed tag at %d" % j)
        out.append(("var" if close == "}}" else "tag", src[j + 2:k].strip()))
        i = k + 2
    return out


def parse(tokens, pos=0, until=()):
    nodes = []
    while pos < len(tokens):
        kind, val = tokens[pos]
        if kind == "tag":
            word = val.split()[0]
            if word in until:
                return nodes, pos
            if word == "if":
                body, pos = parse(tokens, pos + 1, ("else", "endif"))
                other = []
                if tokens[pos][1] == "else":
                    other, pos = parse(tokens, pos + 1, ("endif",))
                nodes.append(("if", val[3:], body, other))
            elif word == "for":
                _, var, _in, seq = val.split(None, 3)
                body, pos = parse(tokens, pos + 1, ("endfor",))
                nodes.append(("for", var, seq, body))
            else:
                raise TemplateError("unknown tag: " + word)
        else:
            nodes.append((kind, val))
        pos += 1
    if until:
        raise TemplateError("missing " + "/".join(until))
    return nodes, pos


def render_nodes(nodes, ctx):
    out = []
    for n in nodes:
        if n[0] == "text":
            out.append(n[1])
        elif n[0] == "var":
            out.append(str(evaluate(ctx, n[1])))
        elif n[0] == "if":
            cond = n[1].strip()
            neg = cond.startswith("not ")
            v = evaluate(ctx, cond[4:] if neg else cond)
            out.append(render_nodes(n[2] if bool(v) != neg else n[3], ctx))
        elif n[0] == "for":
            seq = evaluate(ctx, n[2])
            for i, item in enumerate(seq):
                inner = dict(ctx)
                inner[n[1]] = item
                inner["loop"] = {"index": i + 1, "last": i == len(seq) - 1}
                out.append(render_nodes(n[3], inner))
    return "".join(out)


def render(src, ctx):
    nodes, _ = parse(tokenize(src))
    return render_nodes(nodes, ctx)


ctx = {
    "user": {"name": "ada lovelace", "admin": True, "tags": ["math", "engines"]},
    "items": [{"name": "resistor", "price": 0.1, "qty": 100},
              {"name": "led", "price": 0.25, "qty": 20},
              {"name": "pico", "price": 4.0, "qty": 2}],
    "empty": [],
    "title": "  order summary  ",
}
print(render("Hello {{ user.name|title }}! ({{ user.tags|len }} tags, first={{ user.tags.0|upper }})", ctx))
print(render("{% if user.admin %}[admin]{% else %}[user]{% endif %} {{ title|strip|upper }}", ctx))
page = """{% for it in items %}{{ loop.index }}. {{ it.name|upper }} x{{ it.qty }} @ {{ it.price|money }}{% if not loop.last %}
{% endif %}{% endfor %}"""
print(render(page, ctx))
print(render("{% for x in empty %}never{% endfor %}{% if empty %}yes{% else %}no items{% endif %}", ctx))
print(render("{% for t in user.tags %}<{% for c in items %}{{ c.name|first }}{% endfor %}:{{ t }}>{% endfor %}", ctx))
print(render('literal {{ "quoted" | upper }} and number {{ 42 }}', ctx))
for bad in ("{{ missing }}", "{{ user.name|nope }}", "{% if user.admin %}x", "{{ open", "{% while %}"):
    try:
        render(bad, ctx)
    except TemplateError as e:
        print("error:", e)
