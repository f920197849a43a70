print "hello"
exec "code"
