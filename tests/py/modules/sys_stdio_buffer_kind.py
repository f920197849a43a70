# sys.stdout.buffer and the others are FileIO streams under the text ones.
import sys

for stream in (sys.stdin, sys.stdout, sys.stderr):
    print(type(stream.buffer).__name__, "FileIO" in str(stream.buffer))
print(type(sys.stdout).__name__)
sys.stdout.buffer.write(b"raw\n")
