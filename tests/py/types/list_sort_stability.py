data = [5, 2, 8, 1, 9, 3]
data.sort()
print(data)
data.sort(reverse=True)
print(data)
words = ["kiwi", "fig", "banana", "apple"]
words.sort(key=len)
print(words[0], words[-1])
words.sort(key=lambda w: w[-1])
print([w[-1] for w in words])
nums = [-3, 1, -2, 4]
nums.sort(key=abs)
print(nums)
print(sorted([3.5, 1, 2.25]), sorted([True, False, 2]))
