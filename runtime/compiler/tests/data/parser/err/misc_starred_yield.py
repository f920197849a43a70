x = yield = 1
return *a
