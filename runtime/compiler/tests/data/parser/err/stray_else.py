else:
    pass
elif x:
    pass
