# JSON-RPC 2.0 over a line-based transport: method registry, params by position or name,
# error objects, notifications, and batch requests.
import json

PARSE_ERROR, INVALID_REQUEST, METHOD_NOT_FOUND, INVALID_PARAMS = -32700, -32600, -32601, -32602
METHODS = {}
STATE = {"led": False, "log": []}


def rpc(fn):
    METHODS[fn.__name__] = fn
    return fn


@rpc
def add(a, b):
    return a + b


@rpc
def led(on=None):
    if on is not None:
        STATE["led"] = bool(on)
    return STATE["led"]


@rpc
def log(msg, level="info"):
    STATE["log"].append("%s:%s" % (level, msg))


@rpc
def read(sensor):
    table = {"temp": 21.5, "hum": 40}
    if sensor not in table:
        raise KeyError(sensor)
    return table[sensor]


def error(code, msg, id_):
    return {"jsonrpc": "2.0", "error": {"code": code, "message": msg}, "id": id_}


def handle_one(req):
    if not isinstance(req, dict) or req.get("jsonrpc") != "2.0" or "method" not in req:
        return error(INVALID_REQUEST, "Invalid Request", None)
    id_ = req.get("id")
    fn = METHODS.get(req["method"])
    if fn is None:
        return error(METHOD_NOT_FOUND, "Method not found", id_)
    params = req.get("params", [])
    try:
        result = fn(**params) if isinstance(params, dict) else fn(*params)
    except TypeError:
        return error(INVALID_PARAMS, "Invalid params", id_)
    except KeyError as e:
        return error(1, "no such sensor: %s" % e, id_)
    if "id" not in req:
        return None
    return {"jsonrpc": "2.0", "result": result, "id": id_}


def handle_line(line):
    try:
        req = json.loads(line)
    except ValueError:
        return json.dumps(error(PARSE_ERROR, "Parse error", None))
    if isinstance(req, list):
        if not req:
            return json.dumps(error(INVALID_REQUEST, "Invalid Request", None))
        out = [r for r in (handle_one(x) for x in req) if r is not None]
        return json.dumps(out) if out else None
    r = handle_one(req)
    return None if r is None else json.dumps(r)


def show(text):
    if text is None:
        return "(no response)"
    obj = json.loads(text)
    items = obj if isinstance(obj, list) else [obj]
    return " ; ".join("id=%s %s" % (o.get("id"), ("result=%r" % (o["result"],)) if "result" in o else
                      "error=%d %s" % (o["error"]["code"], o["error"]["message"])) for o in items)


lines = [
    '{"jsonrpc": "2.0", "method": "add", "params": [2, 3], "id": 1}',
    '{"jsonrpc": "2.0", "method": "add", "params": {"a": 1.5, "b": 2}, "id": 2}',
    '{"jsonrpc": "2.0", "method": "led", "params": {"on": 1}, "id": "x"}',
    '{"jsonrpc": "2.0", "method": "log", "params": ["boot done"]}',
    '{"jsonrpc": "2.0", "method": "read", "params": ["pressure"], "id": 3}',
    '{"jsonrpc": "2.0", "method": "nope", "id": 4}',
    '{"jsonrpc": "2.0", "method": "add", "params": [1], "id": 5}',
    '{"jsonrpc": "1.0", "method": "add", "id": 6}',
    '{bad json',
    '[]',
    '[{"jsonrpc": "2.0", "method": "read", "params": ["temp"], "id": 7}, {"jsonrpc": "2.0", "method": "log", "params": {"msg": "x", "level": "warn"}}, 5]',
    '[{"jsonrpc": "2.0", "method": "log", "params": ["quiet"]}]',
]
for line in lines:
    print(show(handle_line(line)))
print("state", STATE["led"], STATE["log"])
print("methods", sorted(METHODS))
