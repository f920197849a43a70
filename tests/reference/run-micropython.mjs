// Runs Python in the pinned real MicroPython (WebAssembly build, v1.27.0).
//
// Usage: node run-micropython.mjs FILE.py|FILE.mpy [MORE.mpy ...]
// Every file is copied into the emulated filesystem under /; the first one is
// imported as the main module (a .py runs from source, a .mpy as bytecode).
// Prints what the program printed; an uncaught exception is printed as
// MicroPython prints it and the exit code is 1.
import { loadMicroPython } from "@micropython/micropython-webassembly-pyscript";
import fs from "fs";
import path from "path";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node run-micropython.mjs FILE.py|FILE.mpy [MORE ...]");
  process.exit(2);
}
const lines = [];
const mp = await loadMicroPython({
  stdout: (line) => lines.push(line),
  stderr: (line) => lines.push(line),
});
// The WebAssembly build's own asyncio runs on JavaScript promises and has no
// asyncio.run; MICROPYTHON_ASYNCIO names a folder holding MicroPython's
// extmod/asyncio/*.py (of the same release), put first on sys.path instead.
const asyncioDir = process.env.MICROPYTHON_ASYNCIO;
if (asyncioDir) {
  mp.FS.mkdir("/asyncio");
  for (const name of fs.readdirSync(asyncioDir).filter((n) => n.endsWith(".py"))) {
    mp.FS.writeFile("/asyncio/" + name, fs.readFileSync(path.join(asyncioDir, name)));
  }
}
for (const file of files) {
  mp.FS.writeFile("/" + path.basename(file), fs.readFileSync(file));
}
const main = path.basename(files[0]).replace(/\.(py|mpy)$/, "");
let code = 0;
try {
  mp.runPython(
    "import sys\nsys.path.insert(0, '/')\n" +
    "try:\n    import " + JSON.stringify(main).slice(1, -1) + "\n" +
    "except BaseException as e:\n    sys.print_exception(e)\n    raise SystemExit(1)\n"
  );
} catch (error) {
  code = 1;
}
process.stdout.write(lines.map((l) => l + "\n").join(""));
process.exit(code);
