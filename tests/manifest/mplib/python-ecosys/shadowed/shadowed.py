WHERE = "python-ecosys"
