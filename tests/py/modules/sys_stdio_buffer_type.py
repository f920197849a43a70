# sys.stdin/stdout/stderr are TextIOWrapper streams and their .buffer
# streams FileIO, as MicroPython's.
import sys
print(sys.stdout.buffer, type(sys.stdout.buffer), type(sys.stdout), sys.stdin.buffer)
print(sys.stdout.buffer.write(b"raw\n"))
sys.stdout.write("text\n")
