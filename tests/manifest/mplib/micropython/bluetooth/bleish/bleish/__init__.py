from .core import log_info
from .device import Device
