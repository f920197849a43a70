# A comment holding a lone quote inside a constant tuple does not change
# which line the tuple records.
table = {
    "first": (
        # it's the first entry
        "a",
        "b",
    ),
    "second": (
        "c",  # don't look further
        "d",
    ),
}
print(table)
