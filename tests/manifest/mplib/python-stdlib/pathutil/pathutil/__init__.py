from .split import basename, dirname


def join(*parts):
    return "/".join(part.strip("/") for part in parts if part)
