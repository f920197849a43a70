# machine.UART(0) on the emulated Pico, whose console is UART0 (GP0/GP1) as on MicroPython's rp2 port with its REPL on UART0: the harness records every byte UART0 sends. Constructing UART(0) hands UART0 to the program at its own rate and format, the console goes on on USB only (so "hidden" must not reach UART0), and deinit gives UART0 back to the console. Expected output, from MicroPython's documented behaviour: the console's lines before and after, the program's own bytes in between, nothing printed while the program held UART0; then the same with UART0 on its alternate pins GP12/GP13, while GP0 is an ordinary pin; last, a UART(0) refused for its RX pin (GP4 is not UART0's) leaves the console on UART0.
from machine import UART, Pin

print("console before")
uart = UART(0, 115200, bits=8, parity=None, stop=1)
print("hidden while UART0 is the program's")
print(uart.write(b"bytes of the program on GP0\n"))
uart.flush()
uart.deinit()
print("console after")

uart = UART(0, baudrate=115200, tx=Pin(12), rx=Pin(13))
gp0 = Pin(0, Pin.OUT, value=1)
print("hidden", gp0.value())
uart.write(b"bytes of the program on GP12\n")
uart.flush()
uart.deinit()
print("console again")
try:
    UART(0, 115200, rx=Pin(4))
except ValueError as error:
    print("ValueError:", error)
print("console after a refused UART(0)")
