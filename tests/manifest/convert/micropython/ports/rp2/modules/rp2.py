# rp2 port module rp2
