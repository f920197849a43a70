# aio: task
