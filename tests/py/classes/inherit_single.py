class Animal:
    kind = "animal"

    def __init__(self, name):
        self.name = name

    def speak(self):
        return self.name + " makes a sound"

    def describe(self):
        return self.kind + ":" + self.speak()


class Dog(Animal):
    kind = "dog"

    def speak(self):
        return self.name + " barks"


class Puppy(Dog):
    def speak(self):
        return Dog.speak(self) + " softly"


for a in (Animal("generic"), Dog("rex"), Puppy("bit")):
    print(a.describe())
print(Puppy.kind, Puppy.__name__, Puppy.__bases__ == (Dog,))
print(isinstance(Puppy("x"), Animal), issubclass(Puppy, Dog), issubclass(Dog, Puppy))
