# Patterns outside the subset, wrong argument types and keyword arguments.
import re


def attempt(function):
    try:
        print(function())
    except Exception as error:
        print(type(error).__name__, error)


attempt(lambda: re.compile(")"))
attempt(lambda: re.compile("("))
attempt(lambda: re.compile("[ab"))
attempt(lambda: re.compile("*a"))
attempt(lambda: re.compile("(?P<name>a)"))
attempt(lambda: re.compile("(?=a)"))
attempt(lambda: re.match(5, "a"))
attempt(lambda: re.match("a", 5))
attempt(lambda: re.sub("a", "b", "aaa", count=1))
attempt(lambda: re.match("a", "a").group())
attempt(lambda: re.match("(a)", "a").group(-1))
print(type(re.compile("a")))
print(type(re.match("a", "a")))
print(re.match("(a)(b)?", "a"))
