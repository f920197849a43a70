class A: pass
class B(): pass
class C(A, B): pass
class D(A, metaclass=M, **kw):
    """Docstring."""
    x = 1
    def method(self):
        return self.x
class E(*bases): pass
