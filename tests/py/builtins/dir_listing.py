class Sample:
    class_attr = 1
    def method(self):
        pass
s = Sample()
s.instance_attr = 2
names = dir(s)
print("class_attr" in names, "method" in names, "instance_attr" in names)
print("append" in dir([]), "keys" in dir({}), "upper" in dir(""))
import sys
print("argv" in dir(sys), "path" in dir(sys))
print("method" in dir(Sample), "instance_attr" in dir(Sample))
print(type(dir(1)))
