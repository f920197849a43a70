# rp2 port module machine_extras
