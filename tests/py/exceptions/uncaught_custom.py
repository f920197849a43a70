class ValidationError(Exception):
    pass


def validate(record):
    if "id" not in record:
        raise ValidationError("record without id", record)
    return record["id"]


print(validate({"id": 7}))
validate({"name": "x"})
