# PID controller driving a first-order thermal plant, with anti-windup,
# derivative filtering and output clamping. All output fixed precision.


class PID:
    def __init__(self, kp, ki, kd, out_min=-100.0, out_max=100.0, tau=0.0):
        self.kp, self.ki, self.kd = kp, ki, kd
        self.out_min, self.out_max = out_min, out_max
        self.tau = tau
        self.integral = 0.0
        self.prev_meas = None
        self.d_filt = 0.0
        self.saturated = 0

    def reset(self):
        self.integral = 0.0
        self.prev_meas = None
        self.d_filt = 0.0

    def update(self, setpoint, meas, dt):
        err = setpoint - meas
        p = self.kp * err
        if self.prev_meas is None:
            d_raw = 0.0
        else:
            d_raw = -(meas - self.prev_meas) / dt
        self.prev_meas = meas
        if self.tau > 0:
            a = dt / (self.tau + dt)
            self.d_filt += a * (d_raw - self.d_filt)
        else:
            self.d_filt = d_raw
        d = self.kd * self.d_filt
        candidate = self.integral + self.ki * err * dt
        out = p + candidate + d
        if out > self.out_max:
            out = self.out_max
            self.saturated += 1
        elif out < self.out_min:
            out = self.out_min
            self.saturated += 1
        else:
            self.integral = candidate
        return out


class Plant:
    """Heater: temperature rises with power, loses heat to ambient."""

    def __init__(self, temp=20.0, ambient=20.0, gain=0.08, loss=0.02):
        self.temp = temp
        self.ambient = ambient
        self.gain = gain
        self.loss = loss

    def step(self, power, dt):
        dT = self.gain * power - self.loss * (self.temp - self.ambient)
        self.temp += dT * dt
        return self.temp


def simulate(pid, setpoints, steps, dt=0.5, report_every=10):
    plant = Plant()
    pid.reset()
    peak = plant.temp
    errs = 0.0
    for i in range(steps):
        sp = setpoints(i * dt)
        out = pid.update(sp, plant.temp, dt)
        t = plant.step(out, dt)
        peak = max(peak, t)
        errs += abs(sp - t) * dt
        if i % report_every == 0:
            print("  t=%5.1f sp=%5.1f temp=%7.3f out=%7.2f" % (i * dt, sp, t, out))
    return plant.temp, peak, errs


def step_sp(t):
    return 60.0 if t < 60 else 40.0


for name, gains in [("P only", (4.0, 0.0, 0.0)), ("PI", (4.0, 0.4, 0.0)), ("PID", (4.0, 0.4, 2.0))]:
    print(name, "kp=%.1f ki=%.1f kd=%.1f" % gains)
    pid = PID(*gains, out_min=0.0, out_max=100.0, tau=1.0)
    final, peak, iae = simulate(pid, step_sp, 200, report_every=25)
    print("  final=%.3f peak=%.3f IAE=%.2f saturated=%d" % (final, peak, iae, pid.saturated))

# discrete integrator check: constant error integrates linearly
pid = PID(0.0, 1.0, 0.0, out_min=-1000, out_max=1000)
outs = [pid.update(1.0, 0.0, 0.1) for _ in range(10)]
print("integrator:", ["%.2f" % o for o in outs])
# derivative kick avoided: setpoint jump with constant measurement
pid = PID(0.0, 0.0, 5.0)
outs = [pid.update(sp, 10.0, 0.1) for sp in (0, 0, 50, 50, 50)]
print("derivative on measurement:", ["%.2f" % o for o in outs])
pid = PID(0.0, 0.0, 1.0)
outs = [pid.update(0.0, m, 0.5) for m in (0.0, 1.0, 3.0, 6.0, 6.0)]
print("derivative response:", ["%.2f" % o for o in outs])
