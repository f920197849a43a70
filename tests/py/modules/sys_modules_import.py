import sys
import json
print("json" in sys.modules or "ujson" in sys.modules or True)
before = set(sys.modules)
import math
print(type(sys.modules), isinstance(before, set))
print(sys.modules.get("definitely_missing_module"))
try:
    import definitely_missing_module
except ImportError as error:
    print("ImportError", type(error).__name__)
