# Hierarchical on-device menu: tree of Menu/Item/Toggle/Number nodes navigated with
# up/down/ok/back buttons, value editing mode, and breadcrumbs rendering.


class Node:
    def __init__(self, label):
        self.label = label
        self.parent = None

    def render(self):
        return self.label


class Toggle(Node):
    def __init__(self, label, value=False):
        super().__init__(label)
        self.value = value

    def render(self):
        return "%s [%s]" % (self.label, "on" if self.value else "off")

    def activate(self, nav):
        self.value = not self.value


class Number(Node):
    def __init__(self, label, value, lo, hi, step=1):
        super().__init__(label)
        self.value, self.lo, self.hi, self.step = value, lo, hi, step

    def render(self):
        return "%s: %d" % (self.label, self.value)

    def activate(self, nav):
        nav.editing = self

    def adjust(self, d):
        self.value = max(self.lo, min(self.hi, self.value + d * self.step))


class Action(Node):
    def __init__(self, label, fn):
        super().__init__(label)
        self.fn = fn

    def activate(self, nav):
        nav.output.append(self.fn())


class Menu(Node):
    def __init__(self, label, *children):
        super().__init__(label)
        self.children = list(children)
        for c in children:
            c.parent = self

    def render(self):
        return self.label + " >"

    def activate(self, nav):
        nav.stack.append((self, 0))


class Navigator:
    def __init__(self, root):
        self.stack = [(root, 0)]
        self.editing = None
        self.output = []

    def press(self, button):
        menu, idx = self.stack[-1]
        if self.editing:
            if button in ("up", "down"):
                self.editing.adjust(1 if button == "up" else -1)
            elif button in ("ok", "back"):
                self.editing = None
            return
        if button == "down":
            self.stack[-1] = (menu, (idx + 1) % len(menu.children))
        elif button == "up":
            self.stack[-1] = (menu, (idx - 1) % len(menu.children))
        elif button == "ok":
            menu.children[idx].activate(self)
        elif button == "back" and len(self.stack) > 1:
            self.stack.pop()

    def screen(self):
        menu, idx = self.stack[-1]
        crumbs = "/".join(m.label for m, _ in self.stack)
        line = menu.children[idx].render()
        return "%-22s %s%s" % (crumbs, "*" if self.editing else ">", line)


brightness = Number("Brightness", 50, 0, 100, 10)
root = Menu("Main",
            Menu("Display", brightness, Toggle("Invert"), Number("Timeout", 30, 5, 120, 5)),
            Menu("Network", Toggle("WiFi", True), Action("Scan", lambda: "found 3 APs")),
            Action("About", lambda: "rime demo v1"))
nav = Navigator(root)
script = "ok ok up up up ok down ok back down ok ok down ok back back down ok down down ok".split()
for b in script:
    nav.press(b)
    print("%-5s %s" % (b, nav.screen()))
print("output", nav.output)
print("brightness", brightness.value, "parent", brightness.parent.label, brightness.parent.parent.label)
