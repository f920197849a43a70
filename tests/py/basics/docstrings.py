def documented():
    """A docstring is just the first statement."""
    return "result"


class WithDoc:
    """Class docstring."""

    def method(self):
        """Method docstring."""
        return 1


print(documented(), WithDoc().method())
"""A bare string statement does nothing."""
print("after string statement")
