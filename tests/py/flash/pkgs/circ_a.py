print("circ_a: start")


def early():
    return "early from circ_a"


import circ_b

print("circ_a: circ_b saw", circ_b.seen)


def late():
    return "late from circ_a"
