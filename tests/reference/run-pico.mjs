// Boots a Raspberry Pi Pico firmware UF2 in the pinned rp2040js emulator and
// reports what it printed on UART0 and how often it toggled GPIO25 (the LED).
//
// Usage: node run-pico.mjs FILE.uf2 [--marker TEXT] [--toggles N] [--budget N]
//                           [--usb] [--line-cycles PREFIX] [--fs IMAGE@OFFSET]
//                           [--jig-report FILE]
//
// The UF2 is loaded exactly as the BOOTSEL drive would flash it: every block
// of the RP2040 family (0xe48bff56) is written at its target address, blocks
// of other families (RP2350, the RP2350-E10 absolute block) and blocks marked
// "not main flash" are skipped. The chip then boots the way its boot ROM would
// start it: through boot2 at 0x10000000, with LR = 0.
//
// The boot ROM is our own stub, never Raspberry Pi's: a 16 KiB image with the
// ROM header, the function and data tables that firmware looks up with
// rom_table_lookup, and for every ROM function a two-instruction stub,
// `BKPT #id; BX LR`. The BKPT reaches onBreak below, which does the work in
// JavaScript on the core's registers (AAPCS: arguments in r0-r3, results in
// r0/r1) and lets the stub return. The soft-float tables (SF, SD) follow the
// V2 ROM layout; entries that are not implemented stop the run with a message
// instead of computing a wrong result.
//
// The simulated clock advances by the cycles each instruction takes (8 ns
// per cycle at 125 MHz); while the core sleeps in WFI/WFE, the clock jumps to
// the next timer alarm, so idle time costs nothing.
//
// The run stops with exit code 0 as soon as the UART output contains the
// marker (when given) and GPIO25 has toggled at least N times (when given);
// with exit code 1 when the instruction budget (default 50 M) runs out first,
// or the firmware calls reset_to_usb_boot or an unimplemented ROM function.
// The output is the captured UART text, then a `GPIO25: n toggles` line and a
// summary line with the instructions executed and the simulated time.
//
// Cycles: the simulated clock counts the core's cycles at 125 MHz. The summary
// gives the cycle count at which the first byte reached UART0 (`first UART
// byte at cycle N`) and, with `--line-cycles PREFIX`, the cycle count at which
// the first byte of the first UART line starting with PREFIX arrived (`line
// PREFIX at cycle N`); `cargo xtask bench` reads both.
//
// USB CDC serial (`--usb`): rp2040js's USBCDC helper plays the host. It
// enumerates the device (address, configuration descriptor, configuration),
// then asks for DTR and RTS, and collects everything the firmware sends on the
// CDC data endpoint. The helper sends each request as soon as the previous
// packet is out, without the pauses of a real host; a firmware that services
// USB every 10 ms, as rime's does while it sleeps, then misses the first
// SET_CONFIGURATION (usb-device stays in the Addressed state). So the harness,
// like a host retrying a request, sends SET_CONFIGURATION once more
// USB_RECONFIGURE_MS after the helper finished. The summary gives the cycle
// of that request (`USB configured at cycle N`); the collected text is
// printed as one `USB: "..."` line (a JSON string) before the GPIO25 line.
// Output written before the host configured the device (the boot banner,
// printed right after reset) exists only on UART0, as on a real board.
//
// Filesystem (`--fs IMAGE@OFFSET`, OFFSET from the start of flash, e.g.
// 0xa0000): the image file's bytes are put into flash at OFFSET before boot,
// as the board's filesystem region, and every erase and program the firmware
// asks the ROM for is written through to the file at once (so the file is
// the region as the firmware left it, even when the process is killed). An
// erase or program that reaches outside the region fails the run: the
// firmware's flash driver must never touch anything else.
//
// Serving (`--serve`, implies `--usb`): the board runs until the process is
// killed, with its USB CDC serial port on this process's stdin and stdout as
// raw bytes (`cargo xtask repl --board pico --emulate` bridges them to a
// terminal or a pseudo-terminal); UART0 goes to stderr. The simulated clock
// is held to the wall clock, so an idle board sleeps instead of racing ahead,
// and the loop yields to Node between slices so that input arrives.
//
// The test jig (pico-jig.mjs) is wired to every run: GP2 to GP3, the EEPROM
// and SSD1306 on I2C0, UART1 and SPI0 looped back, the ADC inputs, and GP15
// watched. `--jig-report FILE` writes its report (GP15's measured waveform,
// the display RAM, the EEPROM) to FILE as JSON when the run ends (also when
// the environment variable RIME_JIG_REPORT names the file, for runs started
// through `cargo xtask run --board pico --emulate`).
import { attachJig } from "./pico-jig.mjs";
import { RP2040, ConsoleLogger, GPIOPinState, LogLevel, USBCDC, setDeviceConfigurationPacket } from "rp2040js";
import fs from "fs";

const UF2_MAGIC0 = 0x0a324655;
const UF2_MAGIC1 = 0x9e5d5157;
const UF2_MAGIC_END = 0x0ab16f30;
const UF2_FLAG_NOT_MAIN_FLASH = 0x1;
const UF2_FLAG_FAMILY = 0x2000;
const FAMILY_RP2040 = 0xe48bff56;
const FLASH_START = 0x10000000;

function usage(message) {
  console.error(`run-pico.mjs: ${message}`);
  console.error(
    "usage: node run-pico.mjs FILE.uf2 [--marker TEXT] [--toggles N] [--budget INSTRUCTIONS] [--usb] [--line-cycles PREFIX] [--fs IMAGE@OFFSET] [--jig-report FILE]",
  );
  process.exit(2);
}

const args = process.argv.slice(2);
let file = null;
let marker = null;
let wantToggles = 0;
let budget = 50_000_000;
let usb = false;
let serve = false;
let linePrefix = null;
let fsImage = null;
let jigReport = process.env.RIME_JIG_REPORT ?? null;
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg === "--marker") marker = args[++i];
  else if (arg === "--usb") usb = true;
  else if (arg === "--serve") serve = usb = true;
  else if (arg === "--line-cycles") linePrefix = args[++i];
  else if (arg === "--toggles") wantToggles = Number(args[++i]);
  else if (arg === "--budget") budget = Number(args[++i]);
  else if (arg === "--fs") fsImage = args[++i];
  else if (arg === "--jig-report") jigReport = args[++i];
  else if (file === null) file = arg;
  else usage(`unexpected argument ${arg}`);
}
if (file === null) usage("no UF2 file given");
if (!Number.isFinite(wantToggles) || !Number.isFinite(budget)) usage("--toggles and --budget take numbers");

const mcu = new RP2040();
mcu.logger = new ConsoleLogger(LogLevel.Error);
const jig = attachJig(mcu);

// ---- The UF2, flashed as the BOOTSEL drive would (after the constructor's reset). ----
function loadUf2(bytes) {
  if (bytes.length === 0 || bytes.length % 512 !== 0) usage(`${file} is not a UF2 file (size ${bytes.length})`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let written = 0;
  for (let offset = 0; offset < bytes.length; offset += 512) {
    const word = (at) => view.getUint32(offset + at, true);
    if (word(0) !== UF2_MAGIC0 || word(4) !== UF2_MAGIC1 || word(508) !== UF2_MAGIC_END) {
      usage(`${file}: block ${offset / 512} has bad magic numbers`);
    }
    const flags = word(8);
    const target = word(12);
    const size = word(16);
    if (flags & UF2_FLAG_NOT_MAIN_FLASH) continue;
    if ((flags & UF2_FLAG_FAMILY) && word(28) !== FAMILY_RP2040) continue;
    if (size > 476 || target < FLASH_START || target + size > FLASH_START + mcu.flash.length) {
      usage(`${file}: block ${offset / 512} targets ${target.toString(16)}+${size}, outside flash`);
    }
    mcu.flash.set(bytes.subarray(offset + 32, offset + 32 + size), target - FLASH_START);
    written += 1;
  }
  if (written === 0) usage(`${file} has no RP2040 blocks`);
  return written;
}
const blocks = loadUf2(fs.readFileSync(file));

// ---- The filesystem region (`--fs IMAGE@OFFSET`). ----
let fsRegion = null;
if (fsImage !== null) {
  const at = fsImage.lastIndexOf("@");
  const offset = Number(fsImage.slice(at + 1));
  const path = fsImage.slice(0, at);
  if (at < 0 || !Number.isInteger(offset)) usage(`--fs takes IMAGE@OFFSET, not ${fsImage}`);
  const bytes = fs.readFileSync(path);
  if (offset % 4096 !== 0 || offset + bytes.length > mcu.flash.length) {
    usage(`--fs: ${bytes.length} bytes at ${offset.toString(16)} do not fit the flash`);
  }
  mcu.flash.set(bytes, offset);
  fsRegion = { start: offset, end: offset + bytes.length, fd: fs.openSync(path, "r+") };
}

// Checks a ROM erase or program of flash[start, end) and writes it through to
// the image file; false (and the run fails) when it leaves the region.
function flashChange(what, start, end) {
  if (fsRegion === null) return true;
  if (start < fsRegion.start || end > fsRegion.end || end < start) {
    fail(`the firmware's ${what} of flash ${start.toString(16)}..${end.toString(16)} leaves the filesystem region`);
    return false;
  }
  return true;
}
function writeThrough(start, end) {
  if (fsRegion === null || end <= start) return;
  fs.writeSync(fsRegion.fd, mcu.flash, start, end - start, start - fsRegion.start);
}

// ---- The stub boot ROM. ----
const rom = new DataView(new ArrayBuffer(16 * 1024));
const FUNCTION_STUBS = 0x100;
const handlers = [];
const failures = [];
function stub(handler) {
  const id = handlers.length;
  handlers.push(handler);
  const at = FUNCTION_STUBS + 4 * id;
  rom.setUint16(at, 0xbe00 | id, true); // BKPT #id
  rom.setUint16(at + 2, 0x4770, true); // BX LR
  return at | 1;
}
const code = (name) => name.charCodeAt(0) | (name.charCodeAt(1) << 8);
const reg = mcu.core.registers;
const u32 = (value) => value >>> 0;

// Soft float in JavaScript: f32 values are passed as their bits in one
// register, f64 values as two (low word first).
const scratch = new DataView(new ArrayBuffer(8));
const f32 = (bits) => (scratch.setUint32(0, bits, true), scratch.getFloat32(0, true));
const f32bits = (value) => (scratch.setFloat32(0, value, true), scratch.getUint32(0, true));
const f64 = (lo, hi) => (scratch.setUint32(0, lo, true), scratch.setUint32(4, hi, true), scratch.getFloat64(0, true));
const setF64 = (value) => {
  scratch.setFloat64(0, value, true);
  reg[0] = scratch.getUint32(0, true);
  reg[1] = scratch.getUint32(4, true);
};
const toInt32 = (value) => (Number.isNaN(value) ? 0 : Math.max(-0x80000000, Math.min(0x7fffffff, Math.trunc(value))));
const toUint32 = (value) => (Number.isNaN(value) ? 0 : Math.max(0, Math.min(0xffffffff, Math.trunc(value))));
const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

function floatTable(double) {
  // Arguments: a = first operand, b = second (f32: r1, f64: r2:r3).
  const a = () => (double ? f64(reg[0], reg[1]) : f32(reg[0]));
  const b = () => (double ? f64(reg[2], reg[3]) : f32(reg[1]));
  const put = (value) => (double ? setF64(value) : (reg[0] = f32bits(value)));
  const entries = new Map([
    [0x00, () => put(a() + b())],
    [0x04, () => put(a() - b())],
    [0x08, () => put(a() * b())],
    [0x0c, () => put(a() / b())],
    [0x18, () => put(Math.sqrt(a()))],
    [0x1c, () => (reg[0] = u32(toInt32(a())))],
    [0x24, () => (reg[0] = toUint32(a()))],
    [0x2c, () => put(reg[0] | 0)],
    [0x34, () => put(u32(reg[0]))],
    [0x54, () => (reg[0] = u32(cmp(a(), b())))],
    [0x7c, () => (double ? (reg[0] = f32bits(a())) : setF64(a()))],
  ]);
  const table = [];
  for (let offset = 0; offset < 0x80; offset += 4) {
    const entry = entries.get(offset);
    const name = `${double ? "SD" : "SF"}+0x${offset.toString(16)}`;
    table.push(stub(entry ?? (() => fail(`the firmware called the unimplemented ROM float function ${name}`))));
  }
  return table;
}

function fail(message) {
  failures.push(message);
}

const functions = new Map([
  ["P3", () => (reg[0] = popcount(reg[0]))],
  ["R3", () => (reg[0] = u32(reverseBits(reg[0])))],
  ["L3", () => (reg[0] = Math.clz32(reg[0]))],
  ["T3", () => (reg[0] = reg[0] === 0 ? 32 : 31 - Math.clz32(reg[0] & -reg[0]))],
  ["MS", () => memset(reg[0], reg[1], reg[2])],
  ["S4", () => memset(reg[0], reg[1], reg[2])],
  ["MC", () => memcpy(reg[0], reg[1], reg[2])],
  ["C4", () => memcpy(reg[0], reg[1], reg[2])],
  ["IF", () => {}],
  ["EX", () => {}],
  ["FC", () => {}],
  ["CX", () => {}],
  ["RE", () => {
    if (!flashChange("erase", reg[0], reg[0] + reg[1])) return;
    mcu.flash.fill(0xff, reg[0], reg[0] + reg[1]);
    writeThrough(reg[0], reg[0] + reg[1]);
  }],
  ["RP", () => {
    if (!flashChange("program", reg[0], reg[0] + reg[2])) return;
    for (let i = 0; i < reg[2]; i++) mcu.flash[reg[0] + i] &= mcu.readUint8(reg[1] + i);
    writeThrough(reg[0], reg[0] + reg[2]);
  }],
  ["UB", () => fail("the firmware called reset_to_usb_boot")],
]);
function popcount(value) {
  let count = 0;
  for (let v = value >>> 0; v; v >>>= 1) count += v & 1;
  return count;
}
function reverseBits(value) {
  let out = 0;
  for (let i = 0; i < 32; i++) out = (out << 1) | ((value >>> i) & 1);
  return out;
}
function memset(dest, byte, count) {
  for (let i = 0; i < count; i++) mcu.writeUint8(dest + i, byte & 0xff);
}
function memcpy(dest, src, count) {
  for (let i = 0; i < count; i++) mcu.writeUint8(dest + i, mcu.readUint8(src + i));
}

const lookup = stub(() => {
  // rom_table_lookup(table, code): walk the (code, pointer) u16 pairs.
  for (let at = reg[0]; ; at += 4) {
    const entryCode = rom.getUint16(at, true);
    if (entryCode === 0) {
      reg[0] = 0;
      return;
    }
    if (entryCode === reg[1]) {
      reg[0] = rom.getUint16(at + 2, true);
      return;
    }
  }
});
const halt = stub(() => fail("the firmware returned into the boot ROM"));
const functionEntries = [...functions].map(([name, handler]) => [code(name), stub(handler)]);
const sf = floatTable(false);
const sd = floatTable(true);

// Tables: the two float tables (u32 pointers), then the two lookup tables.
let cursor = 0x800;
function putWords(words) {
  const at = cursor;
  for (const word of words) {
    rom.setUint32(cursor, word, true);
    cursor += 4;
  }
  return at;
}
const sfTable = putWords(sf);
const sdTable = putWords(sd);
function putLookupTable(entries) {
  const at = cursor;
  for (const [entryCode, pointer] of entries) {
    rom.setUint16(cursor, entryCode, true);
    rom.setUint16(cursor + 2, pointer, true);
    cursor += 4;
  }
  rom.setUint16(cursor, 0, true);
  cursor += 4;
  return at;
}
const functionTable = putLookupTable(functionEntries);
const dataTable = putLookupTable([[code("SF"), sfTable], [code("SD"), sdTable]]);

rom.setUint32(0x00, 0x20042000, true); // initial stack pointer
rom.setUint32(0x04, halt, true); // reset vector
rom.setUint8(0x10, 0x4d); // 'M'
rom.setUint8(0x11, 0x75); // 'u'
rom.setUint8(0x12, 0x01);
rom.setUint8(0x13, 0x02); // ROM version 2 (B1/B2 silicon)
rom.setUint16(0x14, functionTable, true);
rom.setUint16(0x16, dataTable, true);
rom.setUint16(0x18, lookup, true);
mcu.bootrom.set(new Uint32Array(rom.buffer));

// ---- Capture: UART0 (with the cycle marks), USB CDC and GPIO25. ----
const CLOCK_HZ = 125e6;
const cycleNanos = 1e9 / CLOCK_HZ;
const cyclesNow = () => Math.round(mcu.clock.nanos / cycleNanos);
let output = "";
let toggles = 0;
let done = false;
let firstByteCycle = null;
let lineStartCycle = 0;
let lineStart = 0;
let prefixCycle = null;
const finished = () => (marker === null || output.includes(marker)) && toggles >= wantToggles;
mcu.uart[0].onByte = (byte) => {
  if (serve) {
    process.stderr.write(Buffer.from([byte]));
    return;
  }
  const now = cyclesNow();
  if (firstByteCycle === null) firstByteCycle = now;
  if (output.length === lineStart) lineStartCycle = now;
  output += String.fromCharCode(byte);
  if (linePrefix !== null && prefixCycle === null) {
    // A line starts after "\n"; leading "\r" characters are skipped when
    // matching (the banner starts with "\r\n").
    const line = output.slice(lineStart).replace(/^\r+/, "");
    if (line.startsWith(linePrefix)) prefixCycle = lineStartCycle;
  }
  if (byte === 0x0a) lineStart = output.length;
  if (finished()) done = true;
};
const USB_RECONFIGURE_MS = 20;
let usbOutput = "";
let usbEnumeratedCycle = null;
let usbConfiguredCycle = null;
function serviceUsbHost() {
  if (usbEnumeratedCycle === null || usbConfiguredCycle !== null) return;
  if (cyclesNow() < usbEnumeratedCycle + (USB_RECONFIGURE_MS * CLOCK_HZ) / 1000) return;
  usbConfiguredCycle = cyclesNow();
  mcu.usbCtrl.sendSetupPacket(setDeviceConfigurationPacket(1));
}
let cdc = null;
if (usb) {
  cdc = new USBCDC(mcu.usbCtrl);
  cdc.onDeviceConnected = () => {
    if (usbEnumeratedCycle === null) usbEnumeratedCycle = cyclesNow();
  };
  cdc.onSerialData = (buffer) => {
    if (serve) process.stdout.write(Buffer.from(buffer));
    else for (const byte of buffer) usbOutput += String.fromCharCode(byte);
  };
}
// A toggle is a change between driven-low and driven-high; the pin becoming
// an output (from input) is not one.
const driven = (state) => state === GPIOPinState.Low || state === GPIOPinState.High;
mcu.gpio[25].addListener((state, oldState) => {
  if (driven(state) && driven(oldState) && state !== oldState) toggles += 1;
  if (finished()) done = true;
});
mcu.onBreak = (id) => {
  const handler = handlers[id];
  if (handler === undefined) fail(`the firmware hit a breakpoint (BKPT #${id}) at ${(mcu.core.PC - 2).toString(16)}`);
  else handler();
};

// ---- Boot through boot2, as the boot ROM would, and run. ----
mcu.core.SP = 0x20042000;
mcu.core.LR = 0;
mcu.core.PC = FLASH_START;
if (serve) await serveForever();
let executed = 0;
const started = Date.now();
while (!done && failures.length === 0 && executed < budget) {
  if (usb) serviceUsbHost();
  if (mcu.core.waiting) {
    const nanos = mcu.clock.nanosToNextAlarm;
    mcu.clock.tick(nanos > 0 ? nanos : 1000);
  } else {
    mcu.clock.tick(mcu.core.executeInstruction() * cycleNanos);
  }
  executed += 1;
}
const wall = (Date.now() - started) / 1000;
if (!done && failures.length === 0 && finished()) done = true;

process.stdout.write(output);
if (output.length > 0 && !output.endsWith("\n")) process.stdout.write("\n");
if (usb) console.log(`USB: ${JSON.stringify(usbOutput)}`);
console.log(`GPIO25: ${toggles} toggles`);
const simulated = (mcu.clock.nanos / 1e9).toFixed(3);
const marks = [
  firstByteCycle !== null ? `, first UART byte at cycle ${firstByteCycle}` : "",
  linePrefix !== null && prefixCycle !== null ? `, line ${JSON.stringify(linePrefix)} at cycle ${prefixCycle}` : "",
  usbConfiguredCycle !== null ? `, USB configured at cycle ${usbConfiguredCycle}` : "",
].join("");
console.log(
  `run-pico: ${blocks} UF2 blocks, ${executed} steps, ${simulated} s simulated, ${wall.toFixed(2)} s wall${marks}`,
);
for (const message of failures) console.error(`run-pico: ${message}`);
if (jigReport !== null) fs.writeFileSync(jigReport, JSON.stringify(jig.report(), null, 1) + "\n");
if (!done) {
  const wanted = [marker !== null ? `the marker ${JSON.stringify(marker)}` : null, wantToggles ? `${wantToggles} toggles` : null]
    .filter(Boolean)
    .join(" and ");
  if (failures.length === 0) console.error(`run-pico: the budget of ${budget} steps ran out before ${wanted || "the end"}`);
  process.exit(1);
}
process.exit(failures.length === 0 ? 0 : 1);

// The board as a USB serial device of this process (`--serve`): stdin's
// bytes go to the device once the host configured it, in pieces the CDC
// helper's FIFO holds; the loop runs the core in slices of simulated time no
// further ahead of the wall clock than SLICE_MS, and never returns.
async function serveForever() {
  const SLICE_MS = 5;
  const FIFO_ROOM = 64;
  const pending = [];
  // The device asks to read its OUT endpoint once and waits for the answer.
  // The CDC helper answers at once, with an empty packet when it has nothing,
  // and ignores a request that comes before it learned the endpoint's number
  // (the device arms it while being configured); so a request that finds
  // nothing to send waits here for the next input instead.
  const answerRead = mcu.usbCtrl.onEndpointRead;
  let waitingRead = null;
  mcu.usbCtrl.onEndpointRead = (endpoint, size) => {
    if (endpoint !== 0 && (cdc.outEndpoint < 0 || cdc.txFIFO.itemCount === 0)) waitingRead = { endpoint, size };
    else answerRead(endpoint, size);
  };
  process.stdin.on("data", (chunk) => pending.push(...chunk));
  process.stdin.on("end", () => process.exit(0));
  const wallStart = Date.now();
  for (;;) {
    serviceUsbHost();
    if (usbConfiguredCycle !== null && cdc.txFIFO.itemCount === 0 && pending.length > 0) {
      for (const byte of pending.splice(0, FIFO_ROOM)) cdc.sendSerialByte(byte);
    }
    if (waitingRead !== null && waitingRead.endpoint === cdc.outEndpoint && cdc.txFIFO.itemCount > 0) {
      const { endpoint, size } = waitingRead;
      waitingRead = null;
      answerRead(endpoint, size);
    }
    const sliceEnd = mcu.clock.nanos + SLICE_MS * 1e6;
    while (mcu.clock.nanos < sliceEnd && failures.length === 0) {
      if (mcu.core.waiting) {
        const nanos = mcu.clock.nanosToNextAlarm;
        mcu.clock.tick(Math.min(nanos > 0 ? nanos : 1000, sliceEnd - mcu.clock.nanos + 1));
      } else {
        mcu.clock.tick(mcu.core.executeInstruction() * cycleNanos);
      }
    }
    if (failures.length > 0) {
      for (const message of failures) console.error(`run-pico: ${message}`);
      process.exit(1);
    }
    const ahead = mcu.clock.nanos / 1e6 - (Date.now() - wallStart);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, ahead)));
  }
}
