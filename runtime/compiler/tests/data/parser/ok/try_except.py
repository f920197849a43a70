try:
    risky()
except ValueError:
    pass
except (TypeError, KeyError) as e:
    handle(e)
except:
    raise
else:
    ok()
finally:
    cleanup()
try:
    a()
finally:
    b()
try: x()
except E as e: y(e)
