module("bad_opt.py", opt=7)
