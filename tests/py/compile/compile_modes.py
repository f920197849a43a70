# compile() in its three modes; code objects run by exec and eval.
c = compile("print('hi', 3)", "<x>", "exec")
print(type(c), c)
exec(c)
print(eval(c))
exec(compile("1 + 1", "<s>", "single"))
exec(compile("None", "<s>", "single"))
exec(compile("'a'; 2; [3]", "<s>", "single"))
exec(compile("if 1:\n    5\n    6\n", "<s>", "single"))
exec(compile("for i in range(3): i * 10\n", "<s>", "single"))
exec(compile("def f():\n    7\nf()\n", "<s>", "single") if False else compile("x = 4", "<s>", "single"))
exec(compile("x", "<s>", "single"))
e = compile("2 ** 10", "<e>", "eval")
print(eval(e), exec(e))
g = {"n": 6}
print(eval(compile("n * 7", "<e>", "eval"), g))
exec(compile("m = n + 1", "<x>", "exec"), g)
print(g["m"])
for bad in ("bad", "", "EXEC"):
    try:
        compile("1", "f", bad)
    except ValueError as err:
        print("ValueError", err)
for source in ("if 1:\n  5\nx = 1\n", "x = 1\ny = 2\n", "a = 1; b = 2", "x = (1,\n2)\n", "", "x = 1\n\n"):
    try:
        compile(source, "<s>", "single")
        print("ok")
    except SyntaxError as err:
        print("SyntaxError", err)
for source in ("", " 1", "\n1", "# c\n1", "1\n# c\n", "1 # c", "\\\n1", "(\n1)", "1;", "1\n\n", "x = 1", "1\n2"):
    try:
        print(repr(eval(source, {"x": 0})))
    except SyntaxError as err:
        print(type(err).__name__, err)
