def describe():
    return "from manifest.toml"
