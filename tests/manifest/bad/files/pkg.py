PKG = 1
