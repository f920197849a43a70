if x: pass
while y: break
for i in z: continue
def f(): return 1
class C: x = 1
try: a()
except: pass
with a: b()
