raise ValueError("broken on purpose")
