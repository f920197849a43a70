// Runs many modules in the pinned real MicroPython (WebAssembly build, v1.27.0)
// from one node process, each in a FRESH MicroPython instance, so that one
// program cannot affect the next (modules cached in sys.modules, globals,
// heap state) while node and the wasm compile are paid for only once.
//
// Usage: node run-many.mjs DIR [NAME ...]
// Runs every DIR/*.mpy (or only the NAMEs given, with or without .mpy), in
// name order. Each module is imported as the main module exactly as
// run-micropython.mjs does it, so the output matches what that wrapper prints
// for the same file. For every file one JSON object is printed on its own
// line of stdout:
//   {"name": "foo.mpy", "exit": 0, "output": "...everything it printed..."}
// `exit` is 1 when the program raised (the traceback is in `output`, printed
// as MicroPython prints it), 2 when the instance itself failed. The last line
// is {"done": N, "stray_errors": M} (see strayErrors below).
import { loadMicroPython } from "@micropython/micropython-webassembly-pyscript";
import fs from "fs";
import path from "path";

const [dir, ...only] = process.argv.slice(2);
if (dir === undefined) {
  console.error("usage: node run-many.mjs DIR [NAME ...]");
  process.exit(2);
}
let names = fs.readdirSync(dir).filter((name) => name.endsWith(".mpy")).sort();
if (only.length > 0) {
  const wanted = new Set(only.map((name) => (name.endsWith(".mpy") ? name : name + ".mpy")));
  names = names.filter((name) => wanted.has(name));
}

// A finished instance can leave JavaScript timers behind (the asyncio glue of
// this port schedules some); when one fires later it runs against that old
// instance and may throw. It cannot touch the instance under test, so such
// errors are counted, reported on the last line, and otherwise ignored.
let strayErrors = 0;
process.on("uncaughtException", () => {
  strayErrors += 1;
});

/// Runs one module in a new MicroPython; returns its exit code and output.
async function runOne(file) {
  const lines = [];
  const mp = await loadMicroPython({
    stdout: (line) => lines.push(line),
    stderr: (line) => lines.push(line),
  });
  mp.FS.writeFile("/" + path.basename(file), fs.readFileSync(file));
  const main = path.basename(file).replace(/\.mpy$/, "");
  let exit = 0;
  try {
    mp.runPython(
      "import sys\nsys.path.insert(0, '/')\n" +
      "try:\n    import " + JSON.stringify(main).slice(1, -1) + "\n" +
      "except BaseException as e:\n    sys.print_exception(e)\n    raise SystemExit(1)\n"
    );
  } catch (error) {
    exit = 1;
  }
  return { exit, output: lines.map((line) => line + "\n").join("") };
}

for (const name of names) {
  let result;
  try {
    result = await runOne(path.join(dir, name));
  } catch (error) {
    // The instance itself failed (out of memory, a wasm trap): report it
    // for this file and carry on with the next.
    result = { exit: 2, output: "run-many.mjs: " + String(error) + "\n" };
  }
  process.stdout.write(JSON.stringify({ name, exit: result.exit, output: result.output }) + "\n");
}
process.stdout.write(JSON.stringify({ done: names.length, stray_errors: strayErrors }) + "\n");
// Exit now rather than wait for timers the finished instances left behind.
process.exit(0);
