# aio: core
