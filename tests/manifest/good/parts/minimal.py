NAME = "minimal"
