print("compiled on import")
