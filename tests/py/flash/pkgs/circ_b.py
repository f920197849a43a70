print("circ_b: start")
import circ_a

seen = (hasattr(circ_a, "early"), hasattr(circ_a, "late"), circ_a.early())


def use_late():
    return circ_a.late()
