def f(a: int, b: "str" = "x", *args: tuple, c: float = 1.0, **kw: dict) -> list[int]:
    x: int = 1
    return [x]
def g(self) -> None: pass
value: dict[str, int] = {}
