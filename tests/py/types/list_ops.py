a = [1, 2]
b = a + [3]
a += [4]
print(a, b, [0] * 3, 2 * [1, 2], [] * 5)
print([1, 2] == [1, 2], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9], [] < [0])
print(3 in [1, 2, 3], 4 not in [1, 2], [1] in [[1], [2]])
nested = [[0] * 2 for _ in range(2)]
nested[0][0] = 5
print(nested)
alias = [[0] * 2] * 2
alias[0][0] = 5
print(alias)
m = [1, 2, 3]
m *= 2
print(m, len(m), sum(m), list(reversed(m)) == m[::-1])
print(sorted([[2, 1], [1, 2], [1, 1]]), max([[1, 2], [1, 3]]))
