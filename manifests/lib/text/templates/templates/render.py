def render(template, **values):
    out = []
    start = 0
    while True:
        open_at = template.find("{", start)
        if open_at < 0:
            out.append(template[start:])
            return "".join(out)
        close_at = template.find("}", open_at)
        out.append(template[start:open_at])
        out.append(str(values[template[open_at + 1 : close_at]]))
        start = close_at + 1
