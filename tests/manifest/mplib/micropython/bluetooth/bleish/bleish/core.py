messages = []


def log_info(*parts):
    messages.append(" ".join(str(part) for part in parts))
