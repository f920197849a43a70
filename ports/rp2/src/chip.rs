//! What differs between the RP2040 and the RP2350: the HAL crate, the boot
//! header, and the names of a few peripherals. Everything else in the port is
//! written once against the common rp-hal API shape, through the names this
//! module exports.
//!
//! - RP2040 (feature `rp2040`, boards `pico` and `pico_w`): `rp2040-hal` 0.12.
//!   The boot ROM copies the first 256 bytes of flash (boot2, here the generic
//!   `BOOT_LOADER_GENERIC_03H` of `rp2040-boot2`) to RAM and runs it; boot2
//!   sets up execute-in-place flash and jumps to the vector table behind it.
//! - RP2350 (feature `rp2350`, boards `pico2` and `pico2_w`): `rp235x-hal`
//!   0.4 on the Arm cores. There is no boot2: the boot ROM looks for an
//!   IMAGE_DEF block in the first 4 KiB of flash, placed right after the
//!   vector table by `memory.x`.
//!
//! [`init`] brings the chip up the same way on both: clocks and PLLs from the
//! 12 MHz crystal (125 MHz system clock on the RP2040, 150 MHz on the
//! RP2350), UART0 on GPIO0/GPIO1, the 1 MHz hardware timer with alarm 0, the
//! USB device controller, and the board's LED pin as an output.

#[cfg(all(feature = "rp2040", feature = "rp2350"))]
compile_error!("enable only one of the features `rp2040` and `rp2350`");
#[cfg(not(any(feature = "rp2040", feature = "rp2350")))]
compile_error!("enable one of the features `rp2040` (pico, pico_w) and `rp2350` (pico2, pico2_w)");

use embedded_hal::digital::OutputPin;

#[cfg(feature = "rp2040")]
pub use rp2040_hal as hal;
#[cfg(feature = "rp2350")]
pub use rp235x_hal as hal;

use hal::clocks::{init_clocks_and_plls, Clock};
use hal::fugit::RateExtU32;
use hal::gpio::{bank0, DynPinId, FunctionSioOutput, FunctionUart, Pin, PullDown};
use hal::pac;
use hal::uart::{DataBits, Enabled, StopBits, UartConfig, UartPeripheral};
use usb_device::class_prelude::UsbBusAllocator;

use crate::board;

/// The chip's name as the banner prints it.
#[cfg(feature = "rp2040")]
pub const NAME: &str = "RP2040";
#[cfg(feature = "rp2350")]
pub const NAME: &str = "RP2350";

/// The frequency of the crystal on every Pico board.
const XOSC_HZ: u32 = 12_000_000;

/// The second-stage bootloader: the first 256 bytes of flash on the RP2040.
#[cfg(feature = "rp2040")]
#[link_section = ".boot2"]
#[used]
pub static BOOT2: [u8; 256] = rp2040_boot2::BOOT_LOADER_GENERIC_03H;

/// The RP2350 boot ROM's IMAGE_DEF: a secure Arm executable.
#[cfg(feature = "rp2350")]
#[link_section = ".start_block"]
#[used]
pub static IMAGE_DEF: hal::block::ImageDef = hal::block::ImageDef::secure_exe();

/// The hardware timer: a 64-bit count of microseconds since reset.
#[cfg(feature = "rp2040")]
pub type Timer = hal::Timer;
#[cfg(feature = "rp2350")]
pub type Timer = hal::Timer<hal::timer::CopyableTimer0>;

/// The timer alarm that wakes the idle loop.
#[cfg(feature = "rp2040")]
pub type WakeAlarm = hal::timer::Alarm0;
#[cfg(feature = "rp2350")]
pub type WakeAlarm = hal::timer::Alarm0<hal::timer::CopyableTimer0>;

/// The interrupt of [`WakeAlarm`].
#[cfg(feature = "rp2040")]
pub const WAKE_IRQ: pac::Interrupt = pac::Interrupt::TIMER_IRQ_0;
#[cfg(feature = "rp2350")]
pub const WAKE_IRQ: pac::Interrupt = pac::Interrupt::TIMER0_IRQ_0;

/// The address of UART0's register block, for the panic handler's last words.
pub fn uart0_base() -> usize {
    pac::UART0::ptr() as usize
}

/// The console UART: UART0 on GPIO0 (TX) and GPIO1 (RX).
pub type Uart = UartPeripheral<
    Enabled,
    pac::UART0,
    (Pin<bank0::Gpio0, FunctionUart, PullDown>, Pin<bank0::Gpio1, FunctionUart, PullDown>),
>;

/// The board's LED pin, when it is on the chip's GPIOs.
pub type LedPin = Pin<DynPinId, FunctionSioOutput, PullDown>;

/// The USB device controller as usb-device's bus.
pub type UsbBus = hal::usb::UsbBus;

/// Makes GPIO `$number` of `$pins` a push-pull output, initially low, or
/// gives `None` for a GPIO that cannot be the LED. build.rs accepts only
/// GPIO2..GPIO28 for the LED (GPIO0 and GPIO1 are the console). A macro, not a
/// function, because `init` has already moved the console's pins out of `$pins`.
macro_rules! led_pin {
    ($pins:ident, $number:expr) => {
        led_pin!(@pick $pins, $number,
            2 => gpio2, 3 => gpio3, 4 => gpio4, 5 => gpio5, 6 => gpio6, 7 => gpio7, 8 => gpio8, 9 => gpio9,
            10 => gpio10, 11 => gpio11, 12 => gpio12, 13 => gpio13, 14 => gpio14, 15 => gpio15, 16 => gpio16,
            17 => gpio17, 18 => gpio18, 19 => gpio19, 20 => gpio20, 21 => gpio21, 22 => gpio22, 23 => gpio23,
            24 => gpio24, 25 => gpio25, 26 => gpio26, 27 => gpio27, 28 => gpio28)
    };
    (@pick $pins:ident, $number:expr, $($gpio:literal => $field:ident),*) => {
        match $number {
            $(Some($gpio) => {
                let mut pin: LedPin = $pins.$field.into_push_pull_output().into_dyn_pin();
                // Setting a SIO output cannot fail (the error type is Infallible).
                let _ = pin.set_low();
                Some(pin)
            })*
            _ => None,
        }
    };
}

/// The chip after [`init`]: the peripherals the port uses.
pub struct Chip {
    pub uart: Uart,
    pub timer: Timer,
    pub alarm: WakeAlarm,
    pub led: Option<LedPin>,
    /// The system clock in Hz (`machine.freq()`).
    pub sys_hz: u32,
}

/// Brings the chip up: clocks, UART0, timer, USB and the LED pin. The USB bus
/// comes apart from the rest because the port borrows it for its lifetime.
/// Returns `None` only if it is called twice (the peripherals are taken once)
/// or the crystal does not start.
pub fn init() -> Option<(Chip, UsbBusAllocator<UsbBus>)> {
    let mut pac = pac::Peripherals::take()?;
    let mut watchdog = hal::Watchdog::new(pac.WATCHDOG);
    let clocks =
        init_clocks_and_plls(XOSC_HZ, pac.XOSC, pac.CLOCKS, pac.PLL_SYS, pac.PLL_USB, &mut pac.RESETS, &mut watchdog)
            .ok()?;
    let sio = hal::Sio::new(pac.SIO);
    let pins = hal::gpio::Pins::new(pac.IO_BANK0, pac.PADS_BANK0, sio.gpio_bank0, &mut pac.RESETS);
    let uart_pins = (pins.gpio0.into_function::<FunctionUart>(), pins.gpio1.into_function::<FunctionUart>());
    let uart = UartPeripheral::new(pac.UART0, uart_pins, &mut pac.RESETS)
        .enable(
            UartConfig::new(board::CONSOLE_BAUD.Hz(), DataBits::Eight, None, StopBits::One),
            clocks.peripheral_clock.freq(),
        )
        .ok()?;

    #[cfg(feature = "rp2040")]
    let mut timer = hal::Timer::new(pac.TIMER, &mut pac.RESETS, &clocks);
    #[cfg(feature = "rp2350")]
    let mut timer = hal::Timer::new_timer0(pac.TIMER0, &mut pac.RESETS, &clocks);
    let alarm = timer.alarm_0()?;

    #[cfg(feature = "rp2040")]
    let usb = UsbBus::new(pac.USBCTRL_REGS, pac.USBCTRL_DPRAM, clocks.usb_clock, true, &mut pac.RESETS);
    #[cfg(feature = "rp2350")]
    let usb = UsbBus::new(pac.USB, pac.USB_DPRAM, clocks.usb_clock, true, &mut pac.RESETS);

    let led = led_pin!(pins, board::LED_GPIO);
    let sys_hz = clocks.system_clock.freq().to_Hz();
    Some((Chip { uart, timer, alarm, led, sys_hz }, UsbBusAllocator::new(usb)))
}
