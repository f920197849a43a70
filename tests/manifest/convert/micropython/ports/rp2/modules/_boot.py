# rp2 port module _boot
