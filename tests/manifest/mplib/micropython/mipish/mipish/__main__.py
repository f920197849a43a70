print("mipish: nothing to install")
