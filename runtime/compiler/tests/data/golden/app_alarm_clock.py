# Alarm clock: time kept as seconds since midnight on a simulated tick, alarms with
# weekday masks and snooze, display formatting (12/24 h), and a one-week simulation.
from micropython import const

_DAY = const(86400)
_SNOOZE = const(9 * 60)
DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
WEEKDAYS = const(0b0011111)
WEEKEND = const(0b1100000)


class Alarm:
    def __init__(self, hh, mm, mask, label):
        self.at = hh * 3600 + mm * 60
        self.mask = mask
        self.label = label
        self.snoozed_until = None
        self.snoozes = 0

    def due(self, day, t):
        if self.snoozed_until is not None and t == self.snoozed_until:
            self.snoozed_until = None
            return True
        return bool(self.mask & (1 << day)) and t == self.at

    def days(self):
        return "".join(d if self.mask & (1 << i) else ".." for i, d in enumerate(DAYS))


def hhmm(t, h12=False):
    h, m = t // 3600, t % 3600 // 60
    if h12:
        return "%2d:%02d %s" % (h % 12 or 12, m, "AM" if h < 12 else "PM")
    return "%02d:%02d" % (h, m)


class Clock:
    def __init__(self, alarms):
        self.alarms = alarms
        self.rang = []

    def run(self, days, snooze_policy):
        for day in range(days):
            for t in range(0, _DAY, 60):
                for a in self.alarms:
                    if a.due(day % 7, t):
                        action = snooze_policy(a, day)
                        self.rang.append((DAYS[day % 7], hhmm(t), a.label, action))
                        if action == "snooze":
                            a.snoozes += 1
                            a.snoozed_until = t + _SNOOZE


alarms = [Alarm(6, 45, WEEKDAYS, "work"), Alarm(9, 30, WEEKEND, "weekend"), Alarm(21, 0, 1 << 2, "bins")]
for a in alarms:
    print("%-8s %s %s" % (a.label, hhmm(a.at), a.days()))


def policy(alarm, day):
    if alarm.label == "work" and day in (0, 3) and alarm.snoozes < 3:
        return "snooze"
    return "stop"


clock = Clock(alarms)
clock.run(7, policy)
for entry in clock.rang:
    print("%s %s %-8s %s" % entry)
print("snoozes", {a.label: a.snoozes for a in alarms if a.snoozes})
print("12h", [hhmm(t, True) for t in (0, 3600 * 11 + 59 * 60, 12 * 3600, 13 * 3600 + 5 * 60, 23 * 3600 + 59 * 60)])
print("mask bits", bin(WEEKDAYS), bin(WEEKEND), bin(WEEKDAYS | WEEKEND))
