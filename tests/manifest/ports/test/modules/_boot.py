import sys

sys.path.append("/lib")
