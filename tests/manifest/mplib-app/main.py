# Uses every package frozen from ../mplib and prints what it finds.
import bisection
import bleish
import bleish.server
import collectionsx
import colorsys2
import crcutil
import fakedisplay
import fakesensor
import fnmatcher
import framebuf2
import functoolsx
import heapqueue
import itertoolsx
import jsonlines
import kvstore
import ledstrip
import mipish
import operatorx
import pathutil
import semver
import shadowed
import statistic
import textwrapper
import tinytemplate
import tomlpkg
import umetrics
import umetrics_text

print("median", statistic.median([5, 1, 4, 2, 3]), "mean", statistic.mean([1, 2, 3, 4]))
heap = []
for value in [7, 3, 9, 1, 4]:
    heapqueue.push(heap, value)
print("heap", [heapqueue.pop(heap) for _ in range(5)])
print("accumulate", list(itertoolsx.accumulate([1, 2, 3, 4])), "product", itertoolsx.product([2, 3, 4]))
print("chain", list(itertoolsx.chain("ab", [1, 2])))
print("partial", functoolsx.partial(operatorx.add, 40)(2), operatorx.itemgetter(1)("xyz"))

store = kvstore.Store()
store.put("b", 2)
store.put("a", [1, "one"])
print(store.dump())
print("records", jsonlines.loads(store.dump()))
print("compatible", store.compatible("1.9.0"), store.compatible("2.1.0"), len(store.log))
counter = collectionsx.Counter("abracadabra")
print("common", counter.most_common()[:3])
try:
    import collectionsx.experimental
    print("experimental frozen")
except ImportError:
    print("experimental not frozen")

print("shadowed from", shadowed.WHERE)
print(tinytemplate.render("Hello {{name}}, {{count}} new", {"name": "rime", "count": 3}))
print("tomlpkg", tomlpkg.describe())

display = fakedisplay.Display(4, 2)
display.fill(0)
display.pixel(1, 0, 1)
display.pixel(3, 1, 1)
display.show()
sensor = fakesensor.Sensor([0x1234, 0xBEEF])
print("sensor", sensor.read(), sensor.read(), crcutil.crc8(b"\x00"))

service = bleish.server.Service("180f")
print("ble", bleish.Device("aa:bb"), bleish.core.messages)

histogram = umetrics.Histogram([1, 5, 10])
for value in [0, 2, 3, 7, 20, 30]:
    histogram.observe(value)
print("histogram", histogram.counts, [umetrics_text.bar(count) for count in histogram.counts])
print("plan", mipish.plan(["a.py", "b.txt", "c.py"], "*.py", "/lib"))
strip = ledstrip.Strip(2)
strip[1] = (255, 128, 0)
print("strip", strip.hex(), colorsys2.hex_to_rgb("#0a0b0c"))
print(textwrapper.fill("frozen from a micropython-lib checkout without changing it", 20))
print("paths", pathutil.basename("/a/b.py"), pathutil.dirname("/a/b.py"), fnmatcher.fnmatch("x.py", "?.py"))

for module in [bisection, heapqueue, statistic, semver, umetrics, umetrics_text, bleish, bleish.server, tomlpkg, kvstore]:
    print(module.__name__, getattr(module, "__version__", None))
