WHERE = "python-stdlib"
