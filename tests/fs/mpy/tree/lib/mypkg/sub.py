print("sub of", __name__)
Y = 2
