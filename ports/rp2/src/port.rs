//! The port layer the VM runs on: the console, time from the hardware
//! timer, the machine's GPIOs and peripherals, and idling until the next
//! thing to do.
//!
//! [`Port`] owns the console (UART0 at the board's baud rate, kept in the
//! machine because `machine.UART(0)` takes it over, and USB CDC serial once
//! a host has configured the device), the 1 MHz hardware timer and
//! the [`Rp2Machine`] (the GPIOs, the LED among them, and the spare
//! peripherals). The VM gets it as `rime_vm::Port` (see `vm_port`); the
//! firmware itself prints through `core::fmt::Write` or [`Port::write_bytes`].
//!
//! Console input never blocks: whenever the port polls (while sleeping, and
//! when the VM asks for a byte) it moves what arrived on UART0 and USB serial
//! into a small buffer ([`INPUT_BUFFER`] bytes; more is dropped until the
//! program reads). The interrupt character (Ctrl-C unless the VM changes it)
//! is not buffered: it sets the pending keyboard interrupt instead.
//!
//! Sleeping is race-free with WFE: the timer's alarm 0 is scheduled for the
//! deadline and its interrupt handler only clears the interrupt. An interrupt
//! taken between the deadline check and the WFE sets the event register, so
//! the WFE then returns at once instead of sleeping past the deadline. The
//! USB device is polled at least every [`USB_POLL_US`] while idle, as
//! usb-device needs. In rp2040js, a core sleeping in WFE lets the harness jump
//! straight to the next alarm, so idle time costs no emulated instructions.

use core::cell::RefCell;
use core::fmt;

use critical_section::Mutex;
use rime_vm::port::filesystem::VfsState;
use rime_vm::port::{Machine, PinConfig, PinMode, Pull};
use usb_device::class_prelude::UsbBusAllocator;
use usb_device::device::{StringDescriptors, UsbDevice, UsbDeviceBuilder, UsbDeviceState, UsbVidPid};
use usbd_serial::SerialPort;

use crate::board;
use crate::chip::{self, hal, Chip, UsbBus, WakeAlarm};
use crate::machine::Rp2Machine;
use hal::pac::interrupt;
use hal::timer::Alarm;

/// The longest the idle loop sleeps without polling USB, in microseconds.
pub const USB_POLL_US: u64 = 10_000;

/// Raspberry Pi's USB vendor id and the product id of MicroPython's CDC
/// firmware, so hosts treat the board like any Pico running Python.
const USB_VID_PID: UsbVidPid = UsbVidPid(0x2e8a, 0x0005);

/// How many polls a USB write may wait for the host to take data before the
/// rest of the text is dropped (a terminal that is not reading must not stop
/// the program).
const USB_WRITE_ATTEMPTS: u32 = 64;

/// How often a running program's interrupt checks poll the console, in microseconds.
const INTERRUPT_POLL_US: u64 = 1000;

/// How many received console bytes wait for the program at most.
pub const INPUT_BUFFER: usize = 128;

/// Ctrl-C, the interrupt character while a program runs.
const CTRL_C: u8 = 3;

/// The wake alarm, shared with its interrupt handler.
static WAKE_ALARM: Mutex<RefCell<Option<WakeAlarm>>> = Mutex::new(RefCell::new(None));

/// Received console bytes in arrival order.
struct Input {
    bytes: [u8; INPUT_BUFFER],
    start: usize,
    len: usize,
}

impl Input {
    fn push(&mut self, byte: u8) {
        if self.len < INPUT_BUFFER {
            self.bytes[(self.start + self.len) % INPUT_BUFFER] = byte;
            self.len += 1;
        }
    }

    fn pop(&mut self) -> Option<u8> {
        if self.len == 0 {
            return None;
        }
        let byte = self.bytes[self.start];
        self.start = (self.start + 1) % INPUT_BUFFER;
        self.len -= 1;
        Some(byte)
    }
}

/// The console, the clock and the machine of one board.
pub struct Port<'usb> {
    timer: chip::Timer,
    usb: UsbDevice<'usb, UsbBus>,
    serial: SerialPort<'usb, UsbBus>,
    pub(crate) machine: Rp2Machine,
    sys_hz: u32,
    input: Input,
    /// The byte that interrupts a program instead of being read, if any.
    pub(crate) interrupt_char: Option<u8>,
    /// Whether the interrupt character arrived and the VM has not taken it.
    pub(crate) interrupted: bool,
    /// When the console was last polled, in microseconds since reset.
    last_poll_us: u64,
    /// While idle, the LED blinks: `(half period, next toggle)` in microseconds.
    blink: Option<(u64, u64)>,
    /// The filesystem on the board's flash region, mounted at boot, if any.
    pub(crate) filesystem: Option<(core::pin::Pin<&'static mut crate::flash::Rp2Filesystem>, VfsState)>,
    /// The flash chip's unique id, read at boot, if it gave one.
    pub(crate) unique_id: Option<[u8; 8]>,
}

impl<'usb> Port<'usb> {
    /// Takes over the chip's console, timer, GPIOs and spare peripherals, and
    /// makes the board's LED an output, off. `usb_bus` must outlive the port
    /// (it lives in `main`'s frame, which never returns).
    pub fn new(chip: Chip, usb_bus: &'usb UsbBusAllocator<UsbBus>) -> Port<'usb> {
        let Chip { uart, timer, mut alarm, pins, peripherals, sys_hz } = chip;
        alarm.enable_interrupt();
        critical_section::with(|cs| WAKE_ALARM.borrow(cs).replace(Some(alarm)));
        // SAFETY: the handler of this interrupt (below) only clears the alarm's
        // interrupt flag inside a critical section; unmasking it cannot break
        // any critical section, because none is active here.
        unsafe { cortex_m::peripheral::NVIC::unmask(chip::WAKE_IRQ) };

        let serial = SerialPort::new(usb_bus);
        let strings = StringDescriptors::default()
            .manufacturer("rime")
            .product("rime Python console")
            .serial_number(crate::board::NAME);
        // The builder errors only on more than 16 languages or a packet size
        // other than 8/16/32/64; neither can happen with these constants.
        let usb = UsbDeviceBuilder::new(usb_bus, USB_VID_PID)
            .strings(&[strings])
            .expect("one language")
            .max_packet_size_0(64)
            .expect("64 is a valid EP0 size")
            .device_class(usbd_serial::USB_CLASS_CDC)
            .build();
        let mut machine = Rp2Machine::new(pins, sys_hz, peripherals, uart);
        if let Some(led) = board::LED_GPIO {
            let off = PinConfig { mode: Some(PinMode::Output), pull: Pull::None, value: Some(false) };
            // The LED's GPIO is never a console pin (build.rs checks it), so
            // the machine has it; should it refuse, the board only idles.
            let _ = machine.pin(u32::from(led)).and_then(|pin| pin.configure(off));
        }
        let input = Input { bytes: [0; INPUT_BUFFER], start: 0, len: 0 };
        Port {
            timer,
            usb,
            serial,
            machine,
            sys_hz,
            input,
            interrupt_char: Some(CTRL_C),
            interrupted: false,
            last_poll_us: 0,
            blink: None,
            filesystem: crate::flash::mount(),
            unique_id: crate::flash::unique_id(),
        }
    }

    /// Writes bytes to the console: UART0 (blocking) unless the program
    /// took it over with `machine.UART(0)`, and USB serial when a host has
    /// configured the device.
    pub fn write_bytes(&mut self, bytes: &[u8]) {
        if let Some(uart) = self.machine.console.as_mut() {
            uart.write_full_blocking(bytes);
        }
        if self.usb.state() != UsbDeviceState::Configured {
            return;
        }
        let mut rest = bytes;
        let mut attempts = 0;
        while !rest.is_empty() && attempts < USB_WRITE_ATTEMPTS {
            match self.serial.write(rest) {
                Ok(written) => rest = &rest[written..],
                Err(_) => attempts += 1,
            }
            self.usb.poll(&mut [&mut self.serial]);
        }
    }

    /// Microseconds since reset, from the 64-bit hardware timer.
    pub fn ticks_us(&self) -> u64 {
        self.timer.get_counter().ticks()
    }

    /// Milliseconds since reset (`time.ticks_ms()`, once the VM calls it).
    #[allow(dead_code)]
    pub fn ticks_ms(&self) -> u64 {
        self.ticks_us() / 1000
    }

    /// The system clock in Hz.
    pub fn sys_hz(&self) -> u32 {
        self.sys_hz
    }

    /// Services the USB device (enumeration, host reads) and moves the
    /// console bytes that arrived on USB serial and UART0 into the input.
    pub fn poll(&mut self) {
        self.last_poll_us = self.ticks_us();
        let mut buffer = [0u8; 64];
        if self.usb.poll(&mut [&mut self.serial]) {
            while let Ok(count) = self.serial.read(&mut buffer) {
                if count == 0 {
                    break;
                }
                buffer[..count].iter().for_each(|&byte| self.receive(byte));
            }
        }
        while let Some(Ok(count)) = self.machine.console.as_mut().map(|uart| uart.read_raw(&mut buffer)) {
            if count == 0 {
                break;
            }
            buffer[..count].iter().for_each(|&byte| self.receive(byte));
        }
    }

    /// Whether the interrupt character has arrived, polling the console when
    /// it was last polled [`INTERRUPT_POLL_US`] ago or more: a running
    /// program that never sleeps or reads (`while True: pass`) still sees
    /// Ctrl-C, at the cost of one timer read per check.
    pub fn interrupt_arrived(&mut self) -> bool {
        if !self.interrupted && self.ticks_us().wrapping_sub(self.last_poll_us) >= INTERRUPT_POLL_US {
            self.poll();
        }
        self.interrupted
    }

    /// One received console byte: the interrupt character, or input.
    fn receive(&mut self, byte: u8) {
        if Some(byte) == self.interrupt_char {
            self.interrupted = true;
        } else {
            self.input.push(byte);
        }
    }

    /// The oldest received console byte, polling the console first.
    pub fn read_byte(&mut self) -> Option<u8> {
        if self.input.len == 0 {
            self.poll();
        }
        self.input.pop()
    }

    /// Blinks the LED (if the board has one on its GPIOs) every
    /// `half_period_us` whenever the board sleeps from now on: the idle
    /// board's sign of life while the REPL waits.
    pub fn blink_while_idle(&mut self, half_period_us: u64) {
        if self.has_led() {
            self.blink = Some((half_period_us, self.ticks_us() + half_period_us));
        }
    }

    /// Sleeps until the timer reaches `deadline_us` (or an earlier wake-up),
    /// polling USB at least every [`USB_POLL_US`] and blinking the LED when
    /// [`Port::blink_while_idle`] asked for it.
    pub fn sleep_until(&mut self, deadline_us: u64) {
        loop {
            self.poll();
            let now = self.ticks_us();
            if let Some((half_period, next)) = self.blink {
                if now >= next {
                    self.toggle_led();
                    self.blink = Some((half_period, next + half_period));
                }
            }
            if now >= deadline_us {
                return;
            }
            let blink_at = self.blink.map_or(u64::MAX, |(_, next)| next);
            let wake = deadline_us.min(now + USB_POLL_US).min(blink_at.max(now + 1));
            let scheduled = critical_section::with(|cs| {
                let mut alarm = WAKE_ALARM.borrow_ref_mut(cs);
                alarm.as_mut().map(|alarm| alarm.schedule_at(hal::timer::Instant::from_ticks(wake)).is_ok())
            });
            if scheduled == Some(true) {
                cortex_m::asm::wfe();
            }
        }
    }

    /// Whether the board has an LED this firmware drives.
    pub fn has_led(&self) -> bool {
        board::LED_GPIO.is_some()
    }

    /// Toggles the LED, if the board has one on the chip's GPIOs.
    pub fn toggle_led(&mut self) {
        if let Some(led) = board::LED_GPIO {
            if let Ok(pin) = self.machine.pin(u32::from(led)) {
                pin.toggle();
            }
        }
    }
}

impl fmt::Write for Port<'_> {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        self.write_bytes(text.as_bytes());
        Ok(())
    }
}

/// The wake alarm's interrupt: clears it, so that the WFE in
/// [`Port::sleep_until`] returns and the interrupt does not fire again.
#[cfg(feature = "rp2040")]
#[interrupt]
fn TIMER_IRQ_0() {
    clear_wake_alarm();
}

/// The wake alarm's interrupt: clears it, so that the WFE in
/// [`Port::sleep_until`] returns and the interrupt does not fire again.
#[cfg(feature = "rp2350")]
#[interrupt]
fn TIMER0_IRQ_0() {
    clear_wake_alarm();
}

fn clear_wake_alarm() {
    critical_section::with(|cs| {
        if let Some(alarm) = WAKE_ALARM.borrow_ref_mut(cs).as_mut() {
            alarm.clear_interrupt();
        }
    });
}

/// Writes straight to UART0's registers, for the panic and fault handlers,
/// which cannot reach the [`Port`]. It assumes `chip::init` configured the
/// UART; before that its output is lost.
pub struct RawUart;

impl RawUart {
    /// PL011 data register offset.
    const DR: usize = 0x000;
    /// PL011 flag register offset and its TX-FIFO-full bit.
    const FR: usize = 0x018;
    const FR_TXFF: u32 = 1 << 5;
}

impl fmt::Write for RawUart {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        for &byte in text.as_bytes() {
            let flags = (chip::uart0_base() + Self::FR) as *const u32;
            let data = (chip::uart0_base() + Self::DR) as *mut u32;
            // SAFETY: uart0_base() is the PAC's address of UART0's register
            // block; FR and DR are 32-bit registers inside it, always mapped.
            // Volatile accesses to them have no effect on Rust-visible memory.
            unsafe {
                while core::ptr::read_volatile(flags) & Self::FR_TXFF != 0 {}
                core::ptr::write_volatile(data, u32::from(byte));
            }
        }
        Ok(())
    }
}
