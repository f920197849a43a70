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
//! USB device controller, the other GPIOs as [`Gpio`]s for `machine`, and
//! the peripherals `machine` will drive ([`Peripherals`]).

#[cfg(all(feature = "rp2040", feature = "rp2350"))]
compile_error!("enable only one of the features `rp2040` and `rp2350`");
#[cfg(not(any(feature = "rp2040", feature = "rp2350")))]
compile_error!("enable one of the features `rp2040` (pico, pico_w) and `rp2350` (pico2, pico2_w)");

#[cfg(feature = "rp2040")]
pub use rp2040_hal as hal;
#[cfg(feature = "rp2350")]
pub use rp235x_hal as hal;

use hal::clocks::{init_clocks_and_plls, Clock};
use hal::fugit::RateExtU32;
use hal::gpio::{bank0, DynFunction, DynPullType, FunctionUart, Pin, PullDown};
use hal::pac;
use hal::uart::{DataBits, Enabled, StopBits, UartConfig, UartPeripheral};
use usb_device::class_prelude::UsbBusAllocator;

use crate::board;
use crate::machine::Gpio;

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

/// The USB device controller as usb-device's bus.
pub type UsbBus = hal::usb::UsbBus;

/// The number of GPIOs in bank 0: GPIO0..GPIO29 on the RP2040 and on the
/// RP2350A of the Pico 2 boards (the RP2350B's GPIO30..GPIO47 are not bonded
/// out on them).
pub const GPIO_COUNT: usize = 30;

/// The GPIOs of `$pins` from GPIO2 on, each as a [`Gpio`] whose function and
/// pull are values, in slots 2..=29 of an array whose slots 0 and 1 (the
/// console's pins, already moved out of `$pins`) are empty. A macro, not a
/// function, because the HAL's `Pins` has one field per GPIO.
macro_rules! gpio_slots {
    ($pins:ident) => {
        gpio_slots!(@slots $pins, gpio2, gpio3, gpio4, gpio5, gpio6, gpio7, gpio8, gpio9, gpio10, gpio11, gpio12,
            gpio13, gpio14, gpio15, gpio16, gpio17, gpio18, gpio19, gpio20, gpio21, gpio22, gpio23, gpio24, gpio25,
            gpio26, gpio27, gpio28, gpio29)
    };
    (@slots $pins:ident, $($field:ident),*) => {
        [None, None, $(Some(Gpio::new(
            $pins.$field.into_function::<DynFunction>().into_pull_type::<DynPullType>().into_dyn_pin()
        ))),*]
    };
}

/// The peripherals the console, the clock and the pins do not use. The port
/// owns them: `machine`'s drivers (`machine_i2c.rs`, `machine_spi.rs`,
/// `machine_uart.rs`, `machine_pwm.rs`, `machine_adc.rs`) take theirs with
/// the resets and clock rates their HAL constructors need.
pub struct Peripherals {
    pub resets: pac::RESETS,
    /// The peripheral clock in Hz (UART and SPI baud rates).
    pub peripheral_hz: u32,
    pub i2c0: pac::I2C0,
    pub i2c1: pac::I2C1,
    pub spi0: pac::SPI0,
    pub spi1: pac::SPI1,
    pub uart1: pac::UART1,
    pub pwm: pac::PWM,
    pub adc: pac::ADC,
    pub spare: Spare,
}

/// The peripherals no driver takes yet.
#[allow(dead_code)]
pub struct Spare {
    pub watchdog: hal::Watchdog,
    pub pio0: pac::PIO0,
    pub pio1: pac::PIO1,
    pub dma: pac::DMA,
    #[cfg(feature = "rp2040")]
    pub rtc: pac::RTC,
    #[cfg(feature = "rp2350")]
    pub pio2: pac::PIO2,
    #[cfg(feature = "rp2350")]
    pub timer1: pac::TIMER1,
    #[cfg(feature = "rp2350")]
    pub trng: pac::TRNG,
}

/// The chip after [`init`]: the peripherals the port uses.
pub struct Chip {
    pub uart: Uart,
    pub timer: Timer,
    pub alarm: WakeAlarm,
    /// GPIO `n` in slot `n`; the console's GPIO0 and GPIO1 are `None`.
    pub pins: [Option<Gpio>; GPIO_COUNT],
    /// What `machine` will drive.
    pub peripherals: Peripherals,
    /// The system clock in Hz (`machine.freq()`).
    pub sys_hz: u32,
}

/// Brings the chip up: clocks, UART0, timer, USB and the GPIOs. The USB bus
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

    let slots = gpio_slots!(pins);
    let sys_hz = clocks.system_clock.freq().to_Hz();
    let spare = Spare {
        watchdog,
        pio0: pac.PIO0,
        pio1: pac.PIO1,
        dma: pac.DMA,
        #[cfg(feature = "rp2040")]
        rtc: pac.RTC,
        #[cfg(feature = "rp2350")]
        pio2: pac.PIO2,
        #[cfg(feature = "rp2350")]
        timer1: pac.TIMER1,
        #[cfg(feature = "rp2350")]
        trng: pac.TRNG,
    };
    let peripherals = Peripherals {
        resets: pac.RESETS,
        peripheral_hz: clocks.peripheral_clock.freq().to_Hz(),
        i2c0: pac.I2C0,
        i2c1: pac.I2C1,
        spi0: pac.SPI0,
        spi1: pac.SPI1,
        uart1: pac.UART1,
        pwm: pac.PWM,
        adc: pac.ADC,
        spare,
    };
    Some((Chip { uart, timer, alarm, pins: slots, peripherals, sys_hz }, UsbBusAllocator::new(usb)))
}
