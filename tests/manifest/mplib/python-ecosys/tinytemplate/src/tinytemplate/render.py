def render(template, values):
    out = template
    for key in sorted(values):
        out = out.replace("{{" + key + "}}", str(values[key]))
    return out
