# Compiling sources too big for the heap raises MemoryError and nothing
# worse: each kind of source grows until it no longer compiles (on a board's
# heap, or the source does not fit it) or reaches 48 KB, and the heap and the compiler work normally
# afterwards. Which size fails depends on the heap, so only the survival
# is printed.
import gc

kinds = [
    ("assignments", lambda n: "y=1\n" * n),
    ("lists", lambda n: "x=[1,2,3,4,5,6,7,8]\n" * (n // 4) + "y=1\n" * n),
    ("display", lambda n: "x=[" + "7," * n + "]\n"),
    ("call", lambda n: "print(" + "a," * n + ")\n"),
    ("string", lambda n: "s='" + "abc" * n + "'\n"),
    ("function", lambda n: "def g():\n" + "    z=[1,2,3]\n" * n),
    ("fstrings", lambda n: "x=1\n" + "t=f\"a{f'b{x}c'}d\"\n" * (n // 8)),
]
for name, make in kinds:
    n = 64
    while True:
        gc.collect()
        try:
            source = make(n)
            if len(source) > 48000:
                break
            compile(source, "<" + name + ">", "exec")
        except MemoryError:
            break
        n = n * 2
    source = None
    gc.collect()
    namespace = {}
    exec("a = [i * i for i in range(5)]\nb = sum(a)", namespace)
    print(name, namespace["b"])
print(len([0] * 1000), sum(range(100)))
