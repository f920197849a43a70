NAME = "main"
