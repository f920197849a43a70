a = 'single'
b = "double"
c = r'raw\n'
d = R"raw\t"
e = b'bytes'
f = B"bytes"
g = rb'raw\x00'
h = Br"raw"
i = bR'raw'
j = u'unicode'
k = U"unicode"
l = '''triple
quoted'''
m = """also "triple" quoted"""
n = rb'''raw bytes \n'''
