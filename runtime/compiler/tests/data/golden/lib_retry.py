# Retry and backoff utilities with a simulated clock: exponential backoff
# with cap and deterministic jitter, retry decorator with exception
# filtering, circuit breaker state machine, and token-bucket rate limiter.


class FakeClock:
    def __init__(self):
        self.t = 0.0
        self.sleeps = []

    def sleep(self, s):
        self.sleeps.append(int(s * 1000 + 0.5))
        self.t += s


clock = FakeClock()


def backoff(base, factor, cap, attempts, jitter_seed=None):
    delays = []
    seed = jitter_seed
    for i in range(attempts):
        d = min(cap, base * factor ** i)
        if seed is not None:
            seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
            d = d * (0.5 + (seed % 1000) / 2000)
        delays.append(int(d * 1000 + 0.5))  # milliseconds, avoids float round() ties
    return delays


class RetryError(Exception):
    pass


def retry(times, retry_on=(Exception,), base=0.1):
    def deco(fn):
        def wrapper(*args, **kw):
            last = None
            for i, delay in enumerate(backoff(base, 2, 5, times)):
                delay /= 1000
                try:
                    return fn(*args, **kw)
                except retry_on as e:
                    last = e
                    if i < times - 1:
                        clock.sleep(delay)
            raise RetryError("gave up after %d attempts: %s" % (times, last))
        return wrapper
    return deco


class Flaky:
    def __init__(self, failures, exc=OSError):
        self.failures = failures
        self.calls = 0
        self.exc = exc

    def __call__(self, x):
        self.calls += 1
        if self.calls <= self.failures:
            raise self.exc("attempt %d failed" % self.calls)
        return x * 2


class Breaker:
    def __init__(self, threshold, cooldown):
        self.threshold = threshold
        self.cooldown = cooldown
        self.state = "closed"
        self.fails = 0
        self.opened_at = 0.0
        self.history = []

    def call(self, fn, *a):
        if self.state == "open":
            if clock.t - self.opened_at >= self.cooldown:
                self._set("half-open")
            else:
                raise RetryError("circuit open")
        try:
            r = fn(*a)
        except Exception:
            self.fails += 1
            if self.state == "half-open" or self.fails >= self.threshold:
                self._set("open")
                self.opened_at = clock.t
            raise
        self.fails = 0
        if self.state != "closed":
            self._set("closed")
        return r

    def _set(self, s):
        self.history.append("%.1f:%s" % (clock.t, s))
        self.state = s


class TokenBucket:
    def __init__(self, rate, burst):
        self.rate, self.burst = rate, burst
        self.tokens = burst
        self.last = clock.t

    def allow(self, cost=1):
        now = clock.t
        self.tokens = min(self.burst, self.tokens + (now - self.last) * self.rate)
        self.last = now
        if self.tokens >= cost:
            self.tokens -= cost
            return True
        return False


print("plain backoff:", backoff(0.1, 2, 3, 8))
print("jittered:", backoff(0.1, 2, 3, 8, jitter_seed=7))
for failures in (0, 2, 4, 9):
    clock.sleeps.clear()
    f = Flaky(failures)
    wrapped = retry(5)(f)
    try:
        print("failures=%d result=%s calls=%d sleeps=%s" % (failures, wrapped(21), f.calls, clock.sleeps))
    except RetryError as e:
        print("failures=%d %s sleeps=%s" % (failures, e, clock.sleeps))
only_os = retry(3, retry_on=(OSError,))(Flaky(1, exc=ValueError))
try:
    only_os(1)
except ValueError as e:
    print("non-retryable propagated:", e)
br = Breaker(3, 10.0)
outcomes = []
for step in range(14):
    clock.t += 2.0
    fn = (lambda: 1 / 0) if step < 4 or step == 9 else (lambda: "ok")
    try:
        outcomes.append(br.call(fn))
    except ZeroDivisionError:
        outcomes.append("fail")
    except RetryError:
        outcomes.append("open")
print("breaker outcomes:", outcomes)
print("breaker history:", br.history)
tb = TokenBucket(rate=2.0, burst=5)
allowed = []
for i in range(20):
    clock.t += 0.2
    allowed.append("Y" if tb.allow() else ".")
print("bucket:", "".join(allowed))
clock.t += 10
print("after idle burst:", [tb.allow() for _ in range(7)])
