def t(label, value=None):
    print(label)
    return value


d = {}
d[t("key", "k")] = t("value", 1)
t("left", 1) + t("right", 2)
[t("item1"), t("item2")]
x = t("cond", True) and t("then")
t("func", print)(t("arg", "printed"))
print({t("k1", 1): t("v1"), t("k2", 2): t("v2")} is not None)
