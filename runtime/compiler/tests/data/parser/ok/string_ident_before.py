x = "my_long_identifier_name"
my_long_identifier_name = 1
y = "my_long_identifier_name"
z = "my_long_" "identifier_name"
def another_long_function_name(): pass
w = "another_long_function_name"
v = "def"
obj.some_attribute_name = "some_attribute_name"
