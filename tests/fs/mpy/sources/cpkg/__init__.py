# Compiled to cpkg/__init__.mpy: a package whose __init__ is a .mpy file.
VALUE = "compiled package"
