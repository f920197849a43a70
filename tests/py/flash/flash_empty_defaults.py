# A frozen function whose defaults hold `()` (the freezer may lay it out in
# flash) gets the one empty tuple as its default, as at import.
import defaultslib

print(defaultslib.with_empty(1))
print(defaultslib.with_empty(1)[1] is ())
print(defaultslib.extend(1), defaultslib.extend(2), defaultslib.extend(3, (1, 2)))
print(defaultslib.Maker().make(), defaultslib.Maker().make((1,)))
print(defaultslib.Maker().make()[1] is ())
print(defaultslib.with_empty.__name__, defaultslib.extend.__name__)
