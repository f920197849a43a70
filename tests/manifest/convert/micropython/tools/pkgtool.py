def install(name):
    pass
