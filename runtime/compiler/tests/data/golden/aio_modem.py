# Async AT-command modem driver: a simulated UART task answers commands, the driver sends
# commands and awaits responses with wait_for, parses URCs, and runs a connect sequence.
import asyncio

def run(main):
    # No asyncio.run() in the WebAssembly port (its loop is driven by JS): drive the
    # scheduler by hand there.
    if hasattr(asyncio, "run"):
        return asyncio.run(main)
    box = []

    async def top():
        try:
            box.append((True, await main))
        except Exception as e:
            box.append((False, e))

    asyncio.create_task(top())
    while not box:
        asyncio.core._run_iter()
    ok, value = box[0]
    if not ok:
        raise value
    return value


class SimModem:
    def __init__(self):
        self.rx = []  # lines towards host
        self.ev = asyncio.Event()
        self.registered = False
        self.pin_ok = False
        self.silent = set()

    def write(self, line):
        asyncio.create_task(self._answer(line))

    def _push(self, *lines):
        self.rx.extend(lines)
        self.ev.set()

    async def _answer(self, cmd):
        await asyncio.sleep_ms(0)
        if cmd in self.silent:
            return
        if cmd == "AT":
            self._push("OK")
        elif cmd == "AT+CPIN?":
            self._push("+CPIN: %s" % ("READY" if self.pin_ok else "SIM PIN"), "OK")
        elif cmd.startswith("AT+CPIN="):
            self.pin_ok = cmd.endswith('"1234"')
            self._push("OK" if self.pin_ok else "+CME ERROR: 16")
            if self.pin_ok:
                self._push("+CREG: 2")
                self.registered = True
                self._push("+CREG: 1")
        elif cmd == "AT+CSQ":
            self._push("+CSQ: 17,99", "OK")
        elif cmd == "AT+CREG?":
            self._push("+CREG: 0,%d" % (1 if self.registered else 0), "OK")
        else:
            self._push("ERROR")


class ATError(Exception):
    pass


class Modem:
    def __init__(self, port):
        self.port = port
        self.urcs = []

    async def _line(self):
        while not self.port.rx:
            self.port.ev.clear()
            await self.port.ev.wait()
        return self.port.rx.pop(0)

    async def _collect(self, prefix):
        data = []
        while True:
            line = await self._line()
            if line == "OK":
                return data
            if line == "ERROR" or line.startswith("+CME ERROR"):
                raise ATError(line)
            if prefix and line.startswith(prefix):
                data.append(line[len(prefix):].strip())
            else:
                self.urcs.append(line)

    async def cmd(self, command, prefix=None, timeout_ms=2000):
        self.port.write(command)
        return await asyncio.wait_for_ms(self._collect(prefix), timeout_ms)


async def connect(m, pin):
    steps = []
    await m.cmd("AT")
    steps.append("alive")
    state = (await m.cmd("AT+CPIN?", "+CPIN:"))[0]
    steps.append("sim " + state)
    if state != "READY":
        await m.cmd('AT+CPIN="%s"' % pin)
        steps.append("pin accepted")
    rssi = int((await m.cmd("AT+CSQ", "+CSQ:"))[0].split(",")[0])
    steps.append("rssi %d dBm" % (-113 + 2 * rssi))
    reg = (await m.cmd("AT+CREG?", "+CREG:"))[0]
    steps.append("creg " + reg)
    return steps


async def main():
    port = SimModem()
    m = Modem(port)
    try:
        await connect(m, "0000")
    except ATError as e:
        print("wrong pin ->", e)
    print("steps", await connect(m, "1234"))
    print("urcs", m.urcs)
    try:
        await m.cmd("AT+FOO")
    except ATError as e:
        print("ATError", e)
    port.silent.add("AT+CSQ")
    try:
        await m.cmd("AT+CSQ", "+CSQ:", timeout_ms=5)
    except asyncio.TimeoutError:
        print("AT+CSQ timed out")
    port.silent.clear()
    print("after timeout", await m.cmd("AT+CSQ", "+CSQ:"))
    return len(m.urcs)


print("urc count", run(main()))
