# aio: stream
