import json
import io
out = io.StringIO()
json.dump([1, {"k": "v"}, None], out)
print(out.getvalue())
out2 = io.StringIO()
json.dump("text", out2)
json.dump(5, out2)
print(out2.getvalue())
source = io.StringIO('{"values": [1, 2, 3], "ok": true}')
data = json.load(source)
print(sorted(data.items()))
print(json.load(io.StringIO("[1.5, false]")))
