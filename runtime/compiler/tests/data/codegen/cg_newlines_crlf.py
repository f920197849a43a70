# Lines end in CR LF here.
text = """one
two
"""
raw = r"""a\
b"""
data = b"""x
y"""
cont = 1 + \
    2
def f():
    return text + raw
print(f(), data, cont)
