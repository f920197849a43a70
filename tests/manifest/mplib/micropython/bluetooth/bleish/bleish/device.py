class Device:
    def __init__(self, address):
        self.address = address

    def __str__(self):
        return "Device(%s)" % self.address
