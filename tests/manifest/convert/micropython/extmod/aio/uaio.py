# aio: uaio
