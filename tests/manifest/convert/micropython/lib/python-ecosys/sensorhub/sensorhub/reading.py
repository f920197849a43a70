class Reading:
    pass
