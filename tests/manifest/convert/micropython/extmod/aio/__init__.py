# aio: __init__
