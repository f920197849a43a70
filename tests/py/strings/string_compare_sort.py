words = ["pear", "Apple", "apple", "banana", "Banana", "cherry", ""]
print(sorted(words))
print(sorted(words, reverse=True)[:3])
print(min(words), max(words), "a" * 3 < "a" * 4, "b" > "abc")
print("abc" == "ab" + "c")
