from .core import log_info


class Service:
    def __init__(self, uuid):
        self.uuid = uuid
        log_info("service", uuid)
