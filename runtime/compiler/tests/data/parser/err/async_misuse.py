async x = 1
async = 2
