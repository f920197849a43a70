import json


def dumps(records):
    return "\n".join(json.dumps(record) for record in records)


def loads(text):
    return [json.loads(line) for line in text.split("\n") if line]
