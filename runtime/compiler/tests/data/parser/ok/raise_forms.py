def f():
    try:
        pass
    except E as e:
        raise
    raise ValueError
    raise ValueError("x") from None
    raise E from e
