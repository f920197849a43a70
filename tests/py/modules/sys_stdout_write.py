import sys
count = sys.stdout.write("hello ")
sys.stdout.write("world\n")
print(count)
print("via print", file=sys.stdout)
sys.stdout.write("")
print(sys.stdout.write("x\n"))
