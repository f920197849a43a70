def push(heap, item):
    heap.append(item)
    index = len(heap) - 1
    while index > 0:
        parent = (index - 1) // 2
        if heap[parent] <= heap[index]:
            break
        heap[parent], heap[index] = heap[index], heap[parent]
        index = parent


def pop(heap):
    last = heap.pop()
    if not heap:
        return last
    smallest = heap[0]
    heap[0] = last
    index = 0
    while True:
        child = 2 * index + 1
        if child >= len(heap):
            break
        if child + 1 < len(heap) and heap[child + 1] < heap[child]:
            child += 1
        if heap[index] <= heap[child]:
            break
        heap[index], heap[child] = heap[child], heap[index]
        index = child
    return smallest
