# Long strings and identifiers: strings longer than 10 chars used first as
# data and later as identifiers (and vice versa), attribute names that are
# long, dict keys that match identifiers, and many distinct constants.

first_use_as_data = "configuration_manager"
print(first_use_as_data, len(first_use_as_data))


class configuration_manager:
    extremely_long_attribute_name_number_one = 1

    def __init__(self):
        self.another_quite_long_attribute = "another_quite_long_attribute"
        self.short = "short"

    def method_with_a_rather_long_name(self, parameter_with_long_name=3):
        return parameter_with_long_name * self.extremely_long_attribute_name_number_one


cm = configuration_manager()
print(type(cm).__name__ == first_use_as_data)
print(cm.another_quite_long_attribute == "another_quite_long_attribute")
print(cm.method_with_a_rather_long_name(), cm.method_with_a_rather_long_name(parameter_with_long_name=9))
print(getattr(cm, "another_quite_long_attribute"), getattr(cm, "short"))
print(hasattr(cm, "method_with_a_rather_long_name"), hasattr(cm, "nonexistent_but_long_name"))
settings = {"sensor_sampling_rate": 100, "network_retry_timeout": 30, "short": 1}
sensor_sampling_rate = settings["sensor_sampling_rate"] * 2
print("key then identifier:", sensor_sampling_rate, settings["network_retry_timeout"])


def network_retry_timeout(n):
    return n + settings["network_retry_timeout"]


print("func named like a key:", network_retry_timeout(5), network_retry_timeout.__name__)
kwargs = {"parameter_with_long_name": 11}
print("kwargs by long name:", cm.method_with_a_rather_long_name(**kwargs))
late_identifier_string = "identifier_defined_much_later"
print("string before identifier:", late_identifier_string)
same_text_a = "the same long string literal"
same_text_b = "the same long string literal"
print("equal long literals:", same_text_a == same_text_b)
short_a = "abc"
print("short:", short_a, "abc" == short_a)
parts = ["join", "ed_at_run", "time_into_long"]
runtime = "".join(parts)
print("runtime string:", runtime, runtime == "joined_at_runtime_into_long")
bytes_long = b"a long bytes literal that exceeds ten"
print(bytes_long, len(bytes_long))
long_literal = ("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod "
                "tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim "
                "veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip.")
print(len(long_literal), long_literal[:26], long_literal.count("it"))
words = long_literal.replace(",", "").replace(".", "").split()
print("longest words:", sorted(words, key=lambda w: (-len(w), w))[:4])
escaped = "tabs\tand\nnewlines and \"quotes\" and \\backslashes\\ and \x7f"
print(repr(escaped))
multiline = """
    A triple-quoted block
      with indentation
    preserved as-is
"""
for ln in multiline.split("\n"):
    print("|" + ln + "|")
unicode_long = "na\u00efve caf\u00e9 r\u00e9sum\u00e9 \u00fcber \u03bb\u03cc\u03b3\u03bf\u03c2"
print(unicode_long, len(unicode_long), len(unicode_long.encode()))
identifier_defined_much_later = 12345
print("identifier now:", identifier_defined_much_later, "identifier_defined_much_later" in globals())
_private_but_quite_long_module_level_name = [1, 2, 3]
print(_private_but_quite_long_module_level_name)
names = ["alpha_channel_value", "beta_channel_value", "gamma_channel_value"]
for n in names:
    globals()[n] = len(n)
print("set via globals():", alpha_channel_value, beta_channel_value, gamma_channel_value)
table = {
    "voltage_reference_mv": 3300,
    "adc_resolution_bits": 12,
    "temperature_offset_c": -4,
    "calibration_slope_ppm": 1500,
}
for key in sorted(table):
    print("  %-24s %6d" % (key, table[key]))
voltage_reference_mv = table["voltage_reference_mv"]
adc_resolution_bits = table["adc_resolution_bits"]
print("lsb uV: %.2f" % (voltage_reference_mv * 1000 / (1 << adc_resolution_bits)))
empty = ""
single = "x"
print("edge strings:", repr(empty), repr(single), empty == "", single * 11)
dup1 = "repeated_identifier_text"
repeated_identifier_text = dup1
print("identity of interned use:", repeated_identifier_text == "repeated_identifier_text")
