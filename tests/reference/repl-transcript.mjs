// What the pinned real MicroPython's friendly REPL (WebAssembly build,
// v1.27.0) writes when it is typed at: the reference for rime's REPL.
//
// Usage: node repl-transcript.mjs INPUTS.json
// INPUTS.json holds a JSON array of strings, each a sequence of typed bytes
// (characters U+0000..U+00FF). Each sequence is fed, byte by byte, to a fresh
// MicroPython's REPL (`replInit`, then `replProcessChar`); the output prints
// as one JSON array of strings, in order: what the REPL wrote after its
// banner, bytes as characters U+0000..U+00FF.
import { loadMicroPython } from "@micropython/micropython-webassembly-pyscript";
import fs from "fs";

const inputs = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const outputs = [];
for (const input of inputs) {
  const written = [];
  const mp = await loadMicroPython({
    linebuffer: false,
    stdout: (bytes) => written.push(Buffer.from(bytes).toString("latin1")),
    stderr: (bytes) => written.push(Buffer.from(bytes).toString("latin1")),
  });
  mp.replInit();
  const banner = written.join("");
  written.length = 0;
  for (const character of input) {
    mp.replProcessChar(character.charCodeAt(0));
  }
  outputs.push(written.join(""));
  if (!banner.includes("Type \"help()\" for more information.")) {
    console.error("unexpected banner: " + JSON.stringify(banner));
    process.exit(1);
  }
}
process.stdout.write(JSON.stringify(outputs) + "\n");
