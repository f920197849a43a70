from .mod import mod_func
PKG_NAME = "pkg"
