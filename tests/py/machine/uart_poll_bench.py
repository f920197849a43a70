# rime-only: machine.UART needs a board; the host and QEMU simulate the test jig (UART1 TX looped to RX on GP4/GP5), and each result is asserted against that wiring and MicroPython's rp2 UART ioctl (POLLIN while received bytes wait, POLLOUT while the transmitter takes bytes)
import select
from machine import UART, Pin

uart = UART(1, 115200, tx=Pin(4), rx=Pin(5), timeout=10)
p = select.poll()
p.register(uart, select.POLLIN)
assert p.poll(0) == [], "nothing received yet"
p.modify(uart, select.POLLIN | select.POLLOUT)
assert p.poll(0) == [(uart, select.POLLOUT)]
p.modify(uart, select.POLLIN)
uart.write(b"ping")
assert p.poll(200) == [(uart, select.POLLIN)], "the loopback's bytes wait"
assert uart.read(4) == b"ping"
assert p.poll(0) == []
r, w, x = select.select([uart], [uart], [], 0)
assert r == [] and w == [uart] and x == []
print("UART1 polls as MicroPython's rp2 UART")
