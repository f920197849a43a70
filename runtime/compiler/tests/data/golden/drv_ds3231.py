# DS3231-like RTC: BCD registers, 12/24 h mode, date arithmetic (day of week, leap years),
# alarms, and temperature register decoding on a simulated register file.
from micropython import const

_SECONDS = const(0x00)
_ALARM1 = const(0x07)
_CONTROL = const(0x0E)
_STATUS = const(0x0F)
_TEMP_MSB = const(0x11)
_A1F = const(0x01)
_H12 = const(0x40)
_PM = const(0x20)
DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def bcd(v):
    return ((v // 10) << 4) | (v % 10)


def unbcd(b):
    return (b >> 4) * 10 + (b & 0x0F)


def is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def days_in_month(y, m):
    return (31, 29 if is_leap(y) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[m - 1]


def weekday(y, m, d):
    # Zeller-like (Sakamoto), 0 = Monday
    t = (0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4)
    if m < 3:
        y -= 1
    return (y + y // 4 - y // 100 + y // 400 + t[m - 1] + d + 6) % 7


class RTC:
    def __init__(self):
        self.regs = bytearray(0x13)
        self.regs[_TEMP_MSB] = 25
        self.regs[_TEMP_MSB + 1] = 0x40

    def set(self, y, mo, d, h, mi, s):
        wd = weekday(y, mo, d)
        self.regs[0:7] = bytes([bcd(s), bcd(mi), bcd(h), wd + 1, bcd(d), bcd(mo), bcd(y - 2000)])

    def get(self):
        r = self.regs
        hr = r[2]
        if hr & _H12:
            h = unbcd(hr & 0x1F) % 12 + (12 if hr & _PM else 0)
        else:
            h = unbcd(hr & 0x3F)
        return (2000 + unbcd(r[6]), unbcd(r[5] & 0x1F), unbcd(r[4]), h, unbcd(r[1]), unbcd(r[0]))

    def set_12h(self):
        h = unbcd(self.regs[2] & 0x3F)
        pm = h >= 12
        h12 = h % 12 or 12
        self.regs[2] = _H12 | (_PM if pm else 0) | bcd(h12)

    def tick(self, seconds=1):
        y, mo, d, h, mi, s = self.get()
        s += seconds
        mi, s = mi + s // 60, s % 60
        h, mi = h + mi // 60, mi % 60
        d, h = d + h // 24, h % 24
        while d > days_in_month(y, mo):
            d -= days_in_month(y, mo)
            mo += 1
            if mo > 12:
                mo, y = 1, y + 1
        twelve = self.regs[2] & _H12
        self.set(y, mo, d, h, mi, s)
        if twelve:
            self.set_12h()
        self._check_alarm()

    def set_alarm(self, h, mi, s):
        self.regs[_ALARM1:_ALARM1 + 3] = bytes([bcd(s), bcd(mi), bcd(h)])
        self.regs[_CONTROL] |= 0x01

    def _check_alarm(self):
        _, _, _, h, mi, s = self.get()
        a = self.regs[_ALARM1:_ALARM1 + 3]
        if self.regs[_CONTROL] & 1 and (unbcd(a[0]), unbcd(a[1]), unbcd(a[2])) == (s, mi, h):
            self.regs[_STATUS] |= _A1F

    def temperature(self):
        msb = self.regs[_TEMP_MSB]
        if msb & 0x80:
            msb -= 256
        return msb + (self.regs[_TEMP_MSB + 1] >> 6) * 0.25


def fmt(t):
    return "%04d-%02d-%02d %02d:%02d:%02d" % t


rtc = RTC()
rtc.set(2024, 2, 28, 23, 59, 58)
print("regs", rtc.regs[:7].hex(), fmt(rtc.get()), DAYS[rtc.regs[3] - 1])
for _ in range(3):
    rtc.tick()
    print("tick ->", fmt(rtc.get()), DAYS[rtc.regs[3] - 1])
rtc.tick(86400)
print("+1 day ->", fmt(rtc.get()))
rtc.set(2023, 12, 31, 23, 0, 0)
rtc.tick(3600)
print("new year ->", fmt(rtc.get()), DAYS[weekday(2024, 1, 1)])
rtc.set(2024, 6, 1, 13, 45, 0)
rtc.set_12h()
print("12h reg 0x%02x ->" % rtc.regs[2], fmt(rtc.get()))
rtc.set_alarm(13, 45, 5)
fired = None
for i in range(10):
    rtc.tick()
    if rtc.regs[_STATUS] & _A1F and fired is None:
        fired = i
print("alarm fired after", fired + 1, "s at", fmt(rtc.get()))
print("leap years", [y for y in (1900, 2000, 2023, 2024, 2100) if is_leap(y)])
print("weekdays", [DAYS[weekday(*d)] for d in ((2000, 1, 1), (2024, 7, 4), (2038, 1, 19))])
for raw in (25, 0xE7, 0):
    rtc.regs[_TEMP_MSB] = raw
    print("temp raw 0x%02x -> %.2f C" % (raw, rtc.temperature()))
