@decorator
def f(): pass
@a.b.c
@d(1, key=2)
class C: pass
@x[0]
@(lambda f: f)
def g(): pass
@property
async def h(): pass
