# Plain literals joined to an f-string go into the format string verbatim, so
# their braces are format fields, as in MicroPython.
x, y = 3, 4
print("<{}>" f"{x}")
print(f"{x}" "({})" f"{y}")
print("{{" f"{x}" "}}")
print("plain", f"{x:>{y}}" "\x7b}")
