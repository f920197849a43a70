# leading comment
x = 1  # trailing comment

# comment between
def f():  # on header
    # inside
    pass
# at end
