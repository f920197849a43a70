# str.format and % as MicroPython 1.27 formats: zero fill of strings, bools
# as ints under a spec, errors for specs that do not fit the value, and %
# with precision as the least number of digits of an int.


def attempt(template, *values):
    try:
        print(repr(template.format(*values)))
    except (ValueError, TypeError, IndexError) as error:
        print(type(error).__name__, error)


def modulo(template, values):
    try:
        print(repr(template % values))
    except (ValueError, TypeError, KeyError) as error:
        print(type(error).__name__, error)


for template in ("{:06s}", "{:<06s}", "{:>06s}", "{:^06s}", "{:*<06s}", "{:.1s}"):
    attempt(template, "ab")
for template in ("{}", "{:}", "{:5}", "{:<3}", "{!s:5}", "{:d}", "{:.2f}", "{:x}", "{:06}"):
    attempt(template, True)
for template in ("{:<06}", "{:^07}", "{:+06}", "{:=8}"):
    attempt(template, -12)

# Errors, with MicroPython's messages.
attempt("{0:=}", "zzz")
attempt("{!s :}", 2)
attempt("{!d}", 1)
attempt("{}{0}", 1, 2)
attempt("{0}{}", 1, 2)
attempt("{0:+s}", "1")
attempt("{0:+c}", 1)
attempt("{0:s}", 1)
attempt("{:d}", 1.5)
attempt("{:10.1b}", 0.0)
attempt('{:*"1"}', "zz")
attempt("{:X}", "zz")
attempt("{:5}", None)
attempt("{:5}", [1])


class WithInt:
    def __int__(self):
        return 123


modulo("%d|%x|%5d", (WithInt(), WithInt(), WithInt()))
for directive in ("%8.4d", "% 8.4d", "%+8.4d", "%08.4d", "%-8.4d", "%-08.4d", "%-+08.4d", "%-05d", "%#06x", "%#-8o"):
    modulo(">" + directive + "<", -12)
    modulo(">" + directive + "<", 12)
modulo("%*.*d", (5, 8, 20))
modulo("%.3s|%5.1s|%-4r|", ("abcdef", "xyz", 1))
modulo("%c%c%3c", (65, "b", "c"))
modulo("%s %(a)s", {"a": 1})
modulo("%(a)s %s", {"a": 1})
modulo("%(a)s", 1)
modulo("%(a)s", ({},))
modulo("%(b)s", {"a": 1})
modulo("%(a", {"a": 1})
modulo("%.*d %.*d", (20, 5))
modulo("%*", 1)
modulo("%c", "aa")
modulo("%c", 1.5)
modulo("%l", 1)
modulo("a%", 1)
modulo("%s %s", (1, 2, 3))
modulo("%d", "x")
modulo("%d", 2.9)
modulo("%x", 2.5)
modulo("no directives", {})
modulo("%f", "x")
