def stop():
    raise RuntimeError


print("start")
stop()
