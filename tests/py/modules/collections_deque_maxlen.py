from collections import deque
window = deque((), 3)
averages = []
for sample in (10, 20, 30, 40, 50):
    window.append(sample)
    averages.append(sum(window) / len(window))
print(averages, list(window))
