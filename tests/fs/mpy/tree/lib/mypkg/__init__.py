# A package on /lib, as source.
print("init of", __name__)
X = 1
