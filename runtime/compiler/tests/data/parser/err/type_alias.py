type Point = tuple[int, int]
type = 1
