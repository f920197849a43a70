# A PID controller holding a simulated heater at its set point, with output
# clamping and anti-windup.
import gc


class PID:
    def __init__(self, kp, ki, kd, low, high):
        self.kp = kp
        self.ki = ki
        self.kd = kd
        self.low = low
        self.high = high
        self.integral = 0.0
        self.previous = None

    def update(self, setpoint, measured, dt):
        error = setpoint - measured
        derivative = 0.0 if self.previous is None else (error - self.previous) / dt
        self.previous = error
        candidate = self.integral + error * dt
        output = self.kp * error + self.ki * candidate + self.kd * derivative
        if output > self.high:
            output = self.high
        elif output < self.low:
            output = self.low
        else:
            self.integral = candidate
        return output


class Heater:
    # First-order thermal model: heating power against loss to the room.
    def __init__(self, temperature):
        self.temperature = temperature

    def step(self, power, dt):
        loss = (self.temperature - 20.0) * 0.05
        self.temperature += (power * 0.08 - loss) * dt


pid = PID(2.0, 0.15, 0.5, 0.0, 100.0)
oven = Heater(20.0)
setpoint = 60.0
for second in range(121):
    if second == 80:
        setpoint = 45.0
    power = pid.update(setpoint, oven.temperature, 1.0)
    oven.step(power, 1.0)
    if second % 10 == 0:
        print("t=%3ds set %5.1f temp %6.2f power %6.2f" % (second, setpoint, oven.temperature, power))
print("final error %.2f" % (setpoint - oven.temperature))
alloc = getattr(gc, "mem_alloc", None)
print("heap:", alloc() if alloc else 0, "bytes")
