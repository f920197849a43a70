//! The port layer the VM runs on: console output, time from the hardware
//! timer, the LED, and idling until the next thing to do.
//!
//! [`Port`] owns the console (UART0 at the board's baud rate, and USB CDC
//! serial once a host has configured the device), the 1 MHz hardware timer and
//! the LED pin. The VM will get a `&mut Port` for `print` (through
//! `core::fmt::Write` or [`Port::write_bytes`]), for `time.ticks_ms()` /
//! `ticks_us()` / `sleep_ms()` ([`Port::ticks_us`], [`Port::sleep_until`]),
//! for `machine.freq()` ([`Port::sys_hz`]) and for the LED.
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
use embedded_hal::digital::StatefulOutputPin;
use usb_device::class_prelude::UsbBusAllocator;
use usb_device::device::{StringDescriptors, UsbDevice, UsbDeviceBuilder, UsbDeviceState, UsbVidPid};
use usbd_serial::SerialPort;

use crate::chip::{self, hal, Chip, LedPin, UsbBus, WakeAlarm};
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

/// The wake alarm, shared with its interrupt handler.
static WAKE_ALARM: Mutex<RefCell<Option<WakeAlarm>>> = Mutex::new(RefCell::new(None));

/// The console, the clock and the LED of one board.
pub struct Port<'usb> {
    uart: chip::Uart,
    timer: chip::Timer,
    usb: UsbDevice<'usb, UsbBus>,
    serial: SerialPort<'usb, UsbBus>,
    led: Option<LedPin>,
    sys_hz: u32,
}

impl<'usb> Port<'usb> {
    /// Takes over the chip's console, timer and LED. `usb_bus` must outlive
    /// the port (it lives in `main`'s frame, which never returns).
    pub fn new(chip: Chip, usb_bus: &'usb UsbBusAllocator<UsbBus>) -> Port<'usb> {
        let Chip { uart, timer, mut alarm, led, sys_hz } = chip;
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
        Port { uart, timer, usb, serial, led, sys_hz }
    }

    /// Writes bytes to the console: UART0 (blocking) and USB serial when a
    /// host has configured the device.
    pub fn write_bytes(&mut self, bytes: &[u8]) {
        self.uart.write_full_blocking(bytes);
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

    /// Services the USB device (enumeration, host reads). Incoming console
    /// bytes are read and dropped until the REPL exists.
    pub fn poll(&mut self) {
        if self.usb.poll(&mut [&mut self.serial]) {
            let mut buffer = [0u8; 64];
            while let Ok(count) = self.serial.read(&mut buffer) {
                if count == 0 {
                    break;
                }
            }
        }
    }

    /// Sleeps until the timer reaches `deadline_us` (or an earlier wake-up),
    /// polling USB at least every [`USB_POLL_US`].
    pub fn sleep_until(&mut self, deadline_us: u64) {
        loop {
            self.poll();
            let now = self.ticks_us();
            if now >= deadline_us {
                return;
            }
            let wake = deadline_us.min(now + USB_POLL_US);
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
        self.led.is_some()
    }

    /// Toggles the LED, if the board has one on the chip's GPIOs.
    pub fn toggle_led(&mut self) {
        if let Some(led) = self.led.as_mut() {
            // SIO outputs cannot fail (the error type is Infallible).
            let _ = led.toggle();
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
