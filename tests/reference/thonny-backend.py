"""Drives Thonny's MicroPython back end headless against a serial port.

Thonny's IDE runs its back end for a bare-metal MicroPython board as a
process of its own (thonny.plugins.micropython.bare_metal_backend) and talks
to it with one message a line on stdin/stdout; the back end speaks the raw
REPL and raw-paste mode to the board and runs its helper code there. This
script plays the IDE's part: it starts that back end on the port given,
waits until it says the board is ready, sends commands as the IDE's shell
and variables view do, and prints what came back, one line a fact, for the
caller to compare with what MicroPython gives.

Usage: thonny-backend.py PORT
"""

import os
import re
import subprocess
import sys
import tempfile
import threading
import queue

from thonny.common import (
    MESSAGE_MARKER,
    InlineCommand,
    InputSubmission,
    ToplevelCommand,
    parse_message,
    serialize_message,
)

TIMEOUT = 30


def main():
    port = sys.argv[1]
    args = {
        "port": port,
        "clean": True,
        "interrupt_on_connect": True,
        "local_rtc": False,
        "sync_time": False,
        "validate_time": False,
    }
    with tempfile.TemporaryDirectory() as user_dir:
        backend = subprocess.Popen(
            [sys.executable, "-m", "thonny.plugins.micropython.bare_metal_backend", repr(args)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=dict(os.environ, THONNY_USER_DIR=user_dir),
        )
        try:
            run(backend)
        finally:
            backend.kill()
            backend.wait()


def run(backend):
    messages = queue.Queue()
    threading.Thread(target=read_messages, args=(backend.stdout, messages), daemon=True).start()

    def send(message):
        backend.stdin.write(serialize_message(message) + "\n")
        backend.stdin.flush()

    def until_response(on_output=None):
        """The program output until the command's response, and the response."""
        output = ""
        while True:
            message = messages.get(timeout=TIMEOUT)
            kind = type(message).__name__
            if kind == "BackendEvent" and message.event_type == "ProgramOutput":
                output += message.data
                if on_output:
                    on_output(output)
            elif kind in ("ToplevelResponse", "InlineResponse"):
                # The shell shows values as links to the object inspector; their ids vary.
                output = re.sub(r"\[/?object_link_for_thonny(=\d+)?\]", "", output)
                return output.replace("\r\n", "\n"), message

    _, ready = until_response()
    print("ready: cwd", ready.cwd)

    send(ToplevelCommand("execute_source", source="x = 6 * 7\nprint(x)"))
    print("exec:", repr(until_response()[0]))

    send(ToplevelCommand("execute_source", source="x + 1"))
    print("expression:", repr(until_response()[0]))

    send(InlineCommand("get_globals", module_name="__main__"))
    _, response = until_response()
    print("globals x:", response.globals["x"].repr)

    sent = []

    def answer(output):
        if output.endswith("name? ") and not sent:
            sent.append(True)
            send(InputSubmission(data="ab\n"))

    send(ToplevelCommand("execute_source", source="name = input('name? ')\nprint(name * 2)"))
    print("input:", repr(until_response(answer)[0]))

    send(ToplevelCommand("execute_source", source="1 / 0"))
    print("error:", repr(until_response()[0].splitlines()[-1]))


def read_messages(stream, messages):
    """Puts each message the back end writes (its lines after the marker) on `messages`."""
    for line in stream:
        if not line.startswith(MESSAGE_MARKER):
            continue
        count = int(line[1 : line.index(" ")])
        text = line
        for _ in range(count - 1):
            text += stream.readline()
        messages.put(parse_message(text))


if __name__ == "__main__":
    main()
