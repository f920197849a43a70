for spec in ("<6", ">6", "^6", "*<6", "*>6", "*^6", "0>5", "-^7", "^5", "^4"):
    print(spec, "[" + ("{:" + spec + "}").format("ab") + "]")
print("[{:^7}]".format(12), "[{:<5}]".format(3.5), "[{:x^9}]".format("mid"))
print("[{:=8}]".format(-42), "[{:0=8}]".format(-42), "[{:+08}]".format(42))
