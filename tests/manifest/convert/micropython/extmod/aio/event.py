# aio: event
