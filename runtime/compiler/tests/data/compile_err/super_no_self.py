class A:
    def f():
        super()
