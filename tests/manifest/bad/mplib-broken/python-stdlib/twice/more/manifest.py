metadata(version="0.2.0")
