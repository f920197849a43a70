class ConfigError(Exception):
    def __str__(self):
        return "config broken: " + self.args[0]


try:
    raise ConfigError("missing key")
except ConfigError as e:
    print("caught", e)
raise ConfigError("fatal")
