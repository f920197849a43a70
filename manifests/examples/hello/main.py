print("hello from rime")
