// The emulated test jig: the parts wired to the emulated Pico's pins, as
// issue 20 lists them, for run-pico.mjs (which attaches it to every run).
//
// - GP2 is wired to GP3: while GP2 drives a level, GP3 reads it; when GP2
//   lets go (an input, or an open-drain output released), the wire reads
//   what a pull resistor of either pin gives it, and keeps its level without one.
// - I2C0 (GP8 SDA, GP9 SCL): a 256-byte EEPROM at 0x50 (the first byte of a
//   write is the word address; then sequential writes and reads from the
//   current address, wrapping at 256; 0xFF everywhere at power-up) and an
//   SSD1306 128x64 display controller at 0x3C (control byte 0x00 or 0x40 for
//   a stream of commands or data, 0x80 or 0xC0 for one command or one data
//   byte followed by another control byte; horizontal addressing with the
//   column (0x21) and page (0x22) address windows, as micropython-lib's
//   ssd1306 driver sends them). Any other address is not acknowledged.
//   rp2040js models the controller, not the wires, so the devices answer
//   whatever pins I2C0 is routed to. The same devices also answer bit by bit
//   on the lines GP8 (SDA) and GP9 (SCL), which have pull-up resistors, for
//   a bus bit-banged on those pins (SoftI2C, and MicroPython rp2's way of
//   sending a zero-length write): a START (SDA falling while SCL is high)
//   begins an address byte, each bit is read at SCL's rising edge, the
//   device pulls SDA low for its ACK through the ninth clock, and during a
//   read it puts each bit on SDA after SCL falls.
// - UART1: every byte sent is received (TX looped to RX); GP4 is also wired
//   to GP5, so a bit-banged line on those pins loops back too.
// - SPI0: every frame sent comes back (MOSI looped to MISO); GP19 is also
//   wired to GP16, so SoftSPI on those pins loops back too. The report keeps
//   the last frames with their size in bits (the controller's DSS setting).
// - The I2C lines GP8 and GP9 have pull-up resistors: undriven, they read high.
// - The flash's select line (QSPI SS) and the BOOTSEL button on it.
//   rp2040js has no IO_QSPI, so the jig keeps its pads' control registers
//   and gives the line the level the chip would: driven low or high when
//   the SS pad's output override says so, high (deselected) when the flash
//   interface drives it, and, with its output enable overridden off, high
//   through its pull-up unless the BOOTSEL button is pressed, which pulls it
//   low. GP20 driving high presses the button. rp2040js resets the SS pad
//   with its input disabled, where the chip's reset value (PADS_QSPI
//   GPIO_QSPI_SS, 0x5a) has it enabled: the jig sets that bit. What the jig
//   does not model is a flash that stops answering XIP reads while the line
//   is undriven.
// - The flash chip's unique id: while the SS pad's output is overridden low
//   (the chip selected by hand, as the Pico SDK's flash_get_unique_id does),
//   the bytes clocked through the SSI go to the flash, which answers the
//   RUID command (0x4B) after four dummy bytes with its 64-bit unique id
//   FLASH_UNIQUE_ID (e6 61 38 97 83 2b 4a 2f); rp2040js's own SSI answers
//   every other command, as before.
// - GP22: a 1-Wire bus with its pull-up resistor and one DS18B20 temperature
//   sensor on it (ROM code 28 52 49 4D 45 01 00 F9: family 0x28, its CRC
//   last), at standard speed as its data sheet gives it, timed on the
//   emulator's clock: a low pulse of 400 us or more is a reset, answered
//   30 us after the release by a 120 us presence pulse; in a write slot a
//   low time under 15 us is a 1; in a read slot the sensor sends a 0 by
//   holding the line low for 15 us from the controller's falling edge (the
//   time its data sheet says the bit is valid, so a late sample reads 1). It
//   knows READ ROM, MATCH ROM, SKIP ROM, SEARCH ROM, CONVERT T (done at once;
//   read slots then read 1), READ SCRATCHPAD (nine bytes, the last their
//   CRC, then 1s) and WRITE SCRATCHPAD (TH, TL, configuration). Its
//   temperature reads 85 C until the first conversion, then 21.5 C (0x0158),
//   with TH 75, TL 70 and 12-bit resolution, as the host's simulated jig
//   (runtime/vm/src/port/bench_onewire.rs) has it.
// - Any other pin reads its own pull resistor while nothing drives it
//   (rp2040js models no pulls on inputs).
// - ADC channel 0 (GP26) at 1.000 V and the temperature sensor (channel 4)
//   at 0.706 V, its voltage at 27 degrees C, both against a 3.3 V reference
//   as 12-bit conversions.
// - GP15 is watched: every change between driven-low and driven-high is
//   timed on the emulator's clock. The report gives the frequency and the
//   duty of the last complete period, and the bytes of the last WS2812 pulse
//   train seen there (a high time under 625 ns is a 0 bit, over it a 1 bit;
//   a low time over 50 us ends the train).
//
// attachJig(mcu) wires the parts and returns { report() }, an object for
// JSON: { gp15: { edges, freq_hz, duty_u16, high_ns, period_ns },
// ws2812: { bytes: hex, bits, short_high_ns: [min, max], long_high_ns: [...],
// period_ns: [min, max] }, ssd1306: { on, ram: hex of the 1024 bytes, page
// by page }, eeprom: hex of the 256 bytes, onewire: { resets, reset_low_ns,
// short_low_ns, long_low_ns, slot_ns: each [min, max] of what the controller
// did on GP22 } }.
import { GPIOPinState } from "rp2040js";

const EEPROM_ADDRESS = 0x50;
const SSD1306_ADDRESS = 0x3c;
const ADC_FULL_SCALE = 4095;
/// How many of SPI0's last frames the report keeps.
const KEPT_SPI_FRAMES = 16;
const ADC_REFERENCE_V = 3.3;
const volts = (value) => Math.round((value / ADC_REFERENCE_V) * ADC_FULL_SCALE);

// SSD1306 commands that take argument bytes, and how many.
const SSD1306_ARGUMENTS = new Map([
  [0x20, 1], [0x21, 2], [0x22, 2], [0x26, 6], [0x27, 6], [0x29, 5], [0x2a, 5], [0x81, 1], [0x8d, 1],
  [0xa3, 2], [0xa8, 1], [0xd3, 1], [0xd5, 1], [0xd9, 1], [0xda, 1], [0xdb, 1],
]);

class Eeprom {
  constructor() {
    this.memory = new Uint8Array(256).fill(0xff);
    this.pointer = 0;
    this.addressNext = false;
  }
  connect(mode) {
    this.addressNext = mode === 0;
  }
  write(byte) {
    if (this.addressNext) {
      this.pointer = byte;
      this.addressNext = false;
    } else {
      this.memory[this.pointer] = byte;
      this.pointer = (this.pointer + 1) & 0xff;
    }
  }
  read() {
    const byte = this.memory[this.pointer];
    this.pointer = (this.pointer + 1) & 0xff;
    return byte;
  }
}

class Ssd1306 {
  constructor() {
    this.ram = new Uint8Array(128 * 8);
    this.on = false;
    this.columns = [0, 127];
    this.pages = [0, 7];
    this.column = 0;
    this.page = 0;
    this.command = null; // [opcode, arguments so far]
    this.control = null; // null: a control byte comes next
  }
  connect() {
    this.control = null;
  }
  write(byte) {
    if (this.control === null) {
      this.control = byte;
      return;
    }
    const continuation = (this.control & 0x80) !== 0;
    if (this.control & 0x40) this.data(byte);
    else this.commandByte(byte);
    if (continuation) this.control = null;
  }
  read() {
    return this.on ? 0x00 : 0x40;
  }
  commandByte(byte) {
    if (this.command === null) {
      if (!SSD1306_ARGUMENTS.has(byte)) {
        if (byte === 0xae || byte === 0xaf) this.on = byte === 0xaf;
        return;
      }
      this.command = [byte, []];
      return;
    }
    const [opcode, args] = this.command;
    args.push(byte);
    if (args.length < SSD1306_ARGUMENTS.get(opcode)) return;
    this.command = null;
    if (opcode === 0x21) {
      this.columns = [args[0] & 0x7f, args[1] & 0x7f];
      this.column = this.columns[0];
    } else if (opcode === 0x22) {
      this.pages = [args[0] & 0x7, args[1] & 0x7];
      this.page = this.pages[0];
    }
  }
  data(byte) {
    this.ram[this.page * 128 + this.column] = byte;
    if (this.column < this.columns[1]) {
      this.column += 1;
      return;
    }
    this.column = this.columns[0];
    this.page = this.page < this.pages[1] ? this.page + 1 : this.pages[0];
  }
}

// The smallest and largest of some times, rounded to ns (null for none).
const range = (values) =>
  values.length ? [Math.round(Math.min(...values)), Math.round(Math.max(...values))] : null;

// The flash chip's unique id (see the header).
const FLASH_UNIQUE_ID = [0xe6, 0x61, 0x38, 0x97, 0x83, 0x2b, 0x4a, 0x2f];
const FLASH_READ_UNIQUE_ID = 0x4b;
const FLASH_RUID_DUMMY_BYTES = 4;
const SSI_DR0 = 0x60;

// IO_QSPI's pad controls (six pads, a status and a control register each)
// on rp2040js's placeholder for the block, and the SS line's level from them.
function wireQspi(mcu, buttonPressed) {
  const SS = 1;
  const control = new Uint32Array(6);
  const outputOverride = () => (control[SS] >> 8) & 3;
  const outputEnableOverride = () => (control[SS] >> 12) & 3;
  const DRIVE_LOW = 2;
  const DRIVE_HIGH = 3;
  const OUTPUT_DISABLED = 2;
  const selectedByHand = () => outputOverride() === DRIVE_LOW && outputEnableOverride() !== OUTPUT_DISABLED;
  const level = () => {
    if (outputEnableOverride() === OUTPUT_DISABLED) return !buttonPressed();
    if (outputOverride() === DRIVE_LOW) return false;
    return true; // driven high, or the flash interface's idle level
  };
  const update = () => mcu.qspi[SS].setInputValue(level());
  const ioQspi = mcu.peripherals[0x40018];
  ioQspi.readUint32 = (offset) => ((offset & 4) !== 0 && offset < 0x30 ? control[offset >> 3] : 0);
  let transfer = null; // bytes clocked since the chip was selected by hand
  ioQspi.writeUint32 = (offset, value) => {
    if ((offset & 4) === 0 || offset >= 0x30) return;
    control[offset >> 3] = value >>> 0;
    if (!selectedByHand()) transfer = null;
    update();
  };
  // The flash answers the SSI's bytes while selected by hand.
  const ssi = mcu.peripherals[0x18000];
  const ssiWrite = ssi.writeUint32.bind(ssi);
  ssi.writeUint32 = (offset, value) => {
    if (offset === SSI_DR0 && selectedByHand()) {
      transfer = transfer === null ? { command: value & 0xff, index: 0 } : { ...transfer, index: transfer.index + 1 };
    }
    if (offset !== SSI_DR0 || transfer === null || transfer.command !== FLASH_READ_UNIQUE_ID) {
      ssiWrite(offset, value);
      return;
    }
    const idByte = transfer.index - 1 - FLASH_RUID_DUMMY_BYTES;
    ssi.dr0 = idByte >= 0 && idByte < FLASH_UNIQUE_ID.length ? FLASH_UNIQUE_ID[idByte] : 0xff;
  };
  const PAD_INPUT_ENABLE = 0x40;
  mcu.qspi[SS].padValue |= PAD_INPUT_ENABLE;
  update();
  return update;
}

// The DS18B20 on a 1-Wire line (see the header).
const DS18B20_ROM = [0x28, 0x52, 0x49, 0x4d, 0x45, 0x01, 0x00, 0xf9];
const ONEWIRE_RESET_MIN_NS = 400_000;
const ONEWIRE_WRITE_ONE_MAX_NS = 15_000;
const ONEWIRE_PRESENCE_DELAY_NS = 30_000;
const ONEWIRE_PRESENCE_NS = 120_000;
const ONEWIRE_SEND_ZERO_NS = 15_000;

function crc8(bytes) {
  let crc = 0;
  for (let byte of bytes) {
    for (let bit = 0; bit < 8; bit++) {
      const mix = (crc ^ byte) & 1;
      crc >>= 1;
      if (mix) crc ^= 0x8c;
      byte >>= 1;
    }
  }
  return crc;
}

class Ds18b20 {
  constructor(pin, clock, driven) {
    this.pin = pin;
    this.clock = clock;
    this.driven = driven;
    this.controllerLow = false;
    this.holding = false;
    this.fellAt = 0;
    // idle, receive (purpose, bytes), send (bytes, bit), search (index, step)
    this.phase = { kind: "idle" };
    this.scratchpad = [0x50, 0x05, 75, 70, 0x7f, 0xff, 0x0c, 0x10, 0];
    this.seal();
    // The controller's timing, for the report: low times of resets, of
    // short slots (write 1, read) and of long ones (write 0), and the time
    // from one slot's falling edge to the next.
    this.timing = { resets: 0, reset_low: [], short_low: [], long_low: [], slot: [] };
    this.lastSlotAt = null;
    this.holdStart = clock.createAlarm(() => this.hold(true));
    this.holdEnd = clock.createAlarm(() => this.hold(false));
  }
  seal() {
    this.scratchpad[8] = crc8(this.scratchpad.slice(0, 8));
  }
  hold(holding) {
    this.holding = holding;
    this.update();
  }
  holdFor(delayNs, lengthNs) {
    if (delayNs > 0) this.holdStart.schedule(delayNs);
    else this.hold(true);
    this.holdEnd.schedule(delayNs + lengthNs);
  }
  update() {
    const controllerLow = this.driven(this.pin.value) && this.pin.value === GPIOPinState.Low;
    this.pin.setInputValue(!(controllerLow || this.holding));
    if (controllerLow === this.controllerLow) return;
    this.controllerLow = controllerLow;
    const now = this.clock.nanos;
    if (controllerLow) {
      if (this.lastSlotAt !== null) this.timing.slot.push(now - this.lastSlotAt);
      this.fellAt = now;
      this.lastSlotAt = now;
      this.slotStarted();
    } else {
      const low = now - this.fellAt;
      if (low >= ONEWIRE_RESET_MIN_NS) {
        this.timing.resets += 1;
        this.timing.reset_low.push(low);
        this.lastSlotAt = null;
      } else (low < ONEWIRE_WRITE_ONE_MAX_NS ? this.timing.short_low : this.timing.long_low).push(low);
      this.slotEnded(low);
    }
  }
  report() {
    const { resets, reset_low, short_low, long_low, slot } = this.timing;
    return {
      resets,
      reset_low_ns: range(reset_low),
      short_low_ns: range(short_low),
      long_low_ns: range(long_low),
      slot_ns: range(slot),
    };
  }
  romBit(index) {
    return (DS18B20_ROM[index >> 3] >> (index & 7)) & 1;
  }
  slotStarted() {
    const phase = this.phase;
    let send = null;
    if (phase.kind === "send") {
      const byte = phase.bit >> 3;
      send = byte >= phase.bytes.length ? 1 : (phase.bytes[byte] >> (phase.bit & 7)) & 1;
      phase.bit += 1;
    } else if (phase.kind === "search" && phase.step < 2) {
      const bit = this.romBit(phase.index);
      send = phase.step === 0 ? bit : 1 - bit;
      phase.step += 1;
    } else if (phase.kind === "search") {
      phase.step = 3;
    }
    if (send === 0) this.holdFor(0, ONEWIRE_SEND_ZERO_NS);
  }
  slotEnded(lowNs) {
    if (lowNs >= ONEWIRE_RESET_MIN_NS) {
      this.holdFor(ONEWIRE_PRESENCE_DELAY_NS, ONEWIRE_PRESENCE_NS);
      this.phase = { kind: "receive", purpose: "rom", bytes: [], bits: 0, value: 0 };
      return;
    }
    const bit = lowNs < ONEWIRE_WRITE_ONE_MAX_NS ? 1 : 0;
    const phase = this.phase;
    if (phase.kind === "receive") {
      phase.value |= bit << phase.bits;
      phase.bits += 1;
      if (phase.bits < 8) return;
      phase.bytes.push(phase.value);
      phase.bits = 0;
      phase.value = 0;
      const wanted = { rom: 1, match: 8, function: 1, write: 3 }[phase.purpose];
      if (phase.bytes.length === wanted) this.received(phase.purpose, phase.bytes);
    } else if (phase.kind === "search" && phase.step === 3) {
      if (bit !== this.romBit(phase.index)) this.phase = { kind: "idle" };
      else if (phase.index === 63) this.receive("function");
      else this.phase = { kind: "search", index: phase.index + 1, step: 0 };
    }
  }
  receive(purpose) {
    this.phase = { kind: "receive", purpose, bytes: [], bits: 0, value: 0 };
  }
  send(bytes) {
    this.phase = { kind: "send", bytes, bit: 0 };
  }
  received(purpose, bytes) {
    this.phase = { kind: "idle" };
    const command = bytes[0];
    if (purpose === "rom") {
      if (command === 0x33) this.send(DS18B20_ROM);
      else if (command === 0x55) this.receive("match");
      else if (command === 0xcc) this.receive("function");
      else if (command === 0xf0) this.phase = { kind: "search", index: 0, step: 0 };
    } else if (purpose === "match") {
      if (bytes.every((byte, at) => byte === DS18B20_ROM[at])) this.receive("function");
    } else if (purpose === "function") {
      if (command === 0x44) {
        this.scratchpad[0] = 0x58;
        this.scratchpad[1] = 0x01;
        this.seal();
        this.send([]);
      } else if (command === 0xbe) this.send(this.scratchpad.slice());
      else if (command === 0x4e) this.receive("write");
    } else if (purpose === "write") {
      this.scratchpad.splice(2, 3, ...bytes);
      this.seal();
    }
  }
}

// A target on two open-drain lines: each line is low while the controller
// drives its pin low or (SDA) the target holds it low, and high otherwise.
class BitLevelI2c {
  constructor(sdaPin, sclPin, devices, driven) {
    this.sdaPin = sdaPin;
    this.sclPin = sclPin;
    this.devices = devices;
    this.driven = driven;
    this.sda = true;
    this.scl = true;
    this.holdSda = false; // the target pulls SDA low
    this.state = "idle"; // idle, address, write, ack, read, readAck
    this.device = null;
    this.afterAck = null;
    this.bits = 0;
    this.shift = 0;
    this.acked = false;
  }
  lowBy(pin) {
    return this.driven(pin.value) && pin.value === GPIOPinState.Low;
  }
  update() {
    const scl = !this.lowBy(this.sclPin);
    const masterSda = !this.lowBy(this.sdaPin);
    const sda = masterSda && !this.holdSda;
    const [oldSda, oldScl] = [this.sda, this.scl];
    this.sda = sda;
    this.scl = scl;
    this.sclPin.setInputValue(scl);
    this.sdaPin.setInputValue(sda);
    if (scl && oldScl && sda !== oldSda && masterSda === sda) {
      if (!sda) this.start();
      else this.stop();
      return;
    }
    if (scl && !oldScl) this.rising();
    else if (!scl && oldScl) this.falling();
  }
  setHold(hold) {
    if (this.holdSda === hold) return;
    this.holdSda = hold;
    this.update();
  }
  start() {
    this.state = "address";
    this.bits = 0;
    this.shift = 0;
    this.setHold(false);
  }
  stop() {
    this.state = "idle";
    this.device = null;
    this.setHold(false);
  }
  rising() {
    if (this.state === "address" || this.state === "write") {
      this.shift = ((this.shift << 1) | (this.sda ? 1 : 0)) & 0xff;
      this.bits += 1;
    } else if (this.state === "readAck") {
      this.acked = !this.sda;
    }
  }
  falling() {
    if ((this.state === "address" || this.state === "write") && this.bits === 8) {
      let ack = false;
      if (this.state === "address") {
        this.device = this.devices.get(this.shift >> 1) ?? null;
        const reading = (this.shift & 1) === 1;
        if (this.device !== null) {
          this.device.connect(reading ? 1 : 0);
          ack = true;
          this.afterAck = reading ? "read" : "write";
        }
      } else if (this.device !== null) {
        this.device.write(this.shift);
        ack = true;
        this.afterAck = "write";
      }
      this.state = ack ? "ack" : "idle";
      this.setHold(ack);
    } else if (this.state === "ack") {
      this.setHold(false);
      this.bits = 0;
      this.shift = 0;
      if (this.afterAck === "read") this.loadByte();
      else this.state = "write";
    } else if (this.state === "read") {
      this.bits += 1;
      if (this.bits < 8) this.setHold(((this.shift >> (7 - this.bits)) & 1) === 0);
      else {
        this.state = "readAck";
        this.setHold(false);
      }
    } else if (this.state === "readAck") {
      if (this.acked) this.loadByte();
      else this.state = "idle";
    }
  }
  loadByte() {
    this.state = "read";
    this.bits = 0;
    this.shift = this.device.read();
    this.setHold((this.shift & 0x80) === 0);
  }
}

function wireI2c(i2c, devices) {
  let device = null;
  i2c.onConnect = (address, mode) => {
    device = devices.get(address) ?? null;
    if (device !== null) device.connect(mode);
    i2c.completeConnect(device !== null);
  };
  i2c.onWriteByte = (byte) => {
    if (device !== null) device.write(byte);
    i2c.completeWrite(device !== null);
  };
  i2c.onReadByte = () => i2c.completeRead(device !== null ? device.read() : 0xff);
  i2c.onStop = () => {
    device = null;
    i2c.completeStop();
  };
}

// The edges of a watched pin: [nanos, level] for each change between driven
// levels, the last few hundred kept.
const KEPT_EDGES = 4096;
const WS2812_BIT_SPLIT_NS = 625;
const WS2812_RESET_NS = 50_000;

function measurePwm(edges) {
  // The last complete period: rising, falling, rising.
  for (let i = edges.length - 1; i >= 2; i--) {
    const [rise2, level2] = edges[i];
    const [fall, level1] = edges[i - 1];
    const [rise1, level0] = edges[i - 2];
    if (level2 && !level1 && level0) {
      const period = rise2 - rise1;
      const high = fall - rise1;
      return {
        freq_hz: Math.round(1e9 / period),
        duty_u16: Math.round((high / period) * 65535),
        high_ns: Math.round(high),
        period_ns: Math.round(period),
      };
    }
  }
  return { freq_hz: null, duty_u16: null, high_ns: null, period_ns: null };
}

function decodeWs2812(edges) {
  // The last train: from the last rise after a long low, each high pulse a bit.
  let start = -1;
  for (let i = 0; i < edges.length; i++) {
    const [at, level] = edges[i];
    const before = i > 0 ? edges[i - 1][0] : -Infinity;
    if (level && (i === 0 || at - before > WS2812_RESET_NS)) start = i;
  }
  if (start < 0) return null;
  const bits = [];
  const short = [];
  const long = [];
  const periods = [];
  for (let i = start; i + 1 < edges.length; i += 2) {
    const [rise, high] = edges[i];
    const [fall, low] = edges[i + 1];
    if (!high || low) break;
    const width = fall - rise;
    (width < WS2812_BIT_SPLIT_NS ? short : long).push(width);
    bits.push(width < WS2812_BIT_SPLIT_NS ? 0 : 1);
    if (i + 2 < edges.length) {
      const next = edges[i + 2][0];
      if (next - fall > WS2812_RESET_NS) break;
      periods.push(next - rise);
    }
  }
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(bits.slice(i, i + 8).reduce((a, b) => (a << 1) | b, 0));
  return {
    bytes: Buffer.from(bytes).toString("hex"),
    bits: bits.length,
    short_high_ns: range(short),
    long_high_ns: range(long),
    period_ns: range(periods),
  };
}

export function attachJig(mcu) {
  const driven = (state) => state === GPIOPinState.Low || state === GPIOPinState.High;
  // The I2C devices, on the controller and on the lines.
  const eeprom = new Eeprom();
  const display = new Ssd1306();
  const devices = new Map([[EEPROM_ADDRESS, eeprom], [SSD1306_ADDRESS, display]]);

  // Wires: the input reads what the output drives; when it lets go (an
  // input, or an open-drain output released), the wire reads a pull
  // resistor of either pin, and keeps its level without one. Both pins'
  // inputs read the wire.
  const wire = (from, to, pulledUp = false) => {
    mcu.gpio[from].addListener((state) => {
      const [a, b] = [mcu.gpio[from], mcu.gpio[to]];
      let level = null;
      if (driven(state)) level = state === GPIOPinState.High;
      else if (pulledUp || a.pullupEnabled || b.pullupEnabled) level = true;
      else if (a.pulldownEnabled || b.pulldownEnabled) level = false;
      if (level === null) return;
      a.setInputValue(level);
      b.setInputValue(level);
    });
  };
  wire(2, 3);
  wire(4, 5);
  wire(19, 16);
  // The I2C lines, bit by bit, with their pull-ups.
  const lines = new BitLevelI2c(mcu.gpio[8], mcu.gpio[9], devices, driven);
  mcu.gpio[8].addListener(() => lines.update());
  mcu.gpio[9].addListener(() => lines.update());
  lines.update();
  // The 1-Wire line.
  const thermometer = new Ds18b20(mcu.gpio[22], mcu.clock, driven);
  mcu.gpio[22].addListener(() => thermometer.update());
  thermometer.update();
  // The flash's select line, with the BOOTSEL button pressed by GP20 driving high.
  const updateSelect = wireQspi(mcu, () => mcu.gpio[20].value === GPIOPinState.High);
  mcu.gpio[20].addListener(updateSelect);
  // Every other pin: its own pull.
  const wired = new Set([2, 3, 4, 5, 8, 9, 16, 19, 20, 22]);
  for (const pin of mcu.gpio) {
    if (wired.has(pin.index)) continue;
    pin.addListener((state) => {
      if (state === GPIOPinState.InputPullUp) pin.setInputValue(true);
      else if (state === GPIOPinState.InputPullDown) pin.setInputValue(false);
    });
  }

  wireI2c(mcu.i2c[0], devices);

  // UART1 and SPI0 loopbacks.
  mcu.uart[1].onByte = (byte) => mcu.uart[1].feedByte(byte);
  const spiFrames = [];
  mcu.spi[0].onTransmit = (value) => {
    spiFrames.push([mcu.spi[0].dataBits, value]);
    if (spiFrames.length > KEPT_SPI_FRAMES) spiFrames.shift();
    mcu.spi[0].completeTransmit(value);
  };

  // ADC inputs.
  mcu.adc.channelValues[0] = volts(1.0);
  mcu.adc.channelValues[4] = volts(0.706);

  // GP15.
  const edges = [];
  mcu.gpio[15].addListener((state, oldState) => {
    if (!driven(state) || (driven(oldState) && state === oldState)) return;
    const level = state === GPIOPinState.High;
    if (edges.length > 0 && edges[edges.length - 1][1] === level) return;
    edges.push([mcu.clock.nanos, level]);
    if (edges.length > KEPT_EDGES) edges.splice(0, edges.length - KEPT_EDGES);
  });

  const hex = (bytes) => Buffer.from(bytes).toString("hex");
  return {
    report() {
      return {
        gp15: { edges: edges.length, ...measurePwm(edges) },
        ws2812: decodeWs2812(edges),
        ssd1306: { on: display.on, ram: hex(display.ram) },
        eeprom: hex(eeprom.memory),
        onewire: thermometer.report(),
        spi0: { frames: spiFrames },
      };
    },
  };
}
