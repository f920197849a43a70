# micropython-unix: the WebAssembly build has no mem_total, mem_current or mem_peak
# micropython.mem_total/mem_current/mem_peak grow with allocations; a BytesIO
# made from bytes does not copy them.
import io
import micropython

data = b"1234" * 256
total, current, peak = micropython.mem_total(), micropython.mem_current(), micropython.mem_peak()
numbers = list(range(2000))
print(micropython.mem_total() > total, micropython.mem_current() > current, micropython.mem_peak() > peak)
print(micropython.mem_peak() >= micropython.mem_current())
before = micropython.mem_total()
stream = io.BytesIO(data)
print(micropython.mem_total() - before < len(data), len(numbers))
