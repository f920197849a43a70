//! The ADC (`machine.ADC`) through the HAL's one-shot conversions, as
//! `rime_vm`'s [`Adc`].
//!
//! Channels 0 to 3 are GP26 to GP29 and channel 4 the temperature sensor, as
//! in MicroPython's rp2 port: `ADC(n)` names a channel for `n` below 5 and a
//! pin otherwise. A pin is lent to the HAL's `AdcPin` for each conversion,
//! which turns its digital input and output off while it converts, then
//! comes back to its slot. The ADC itself is brought up at the first
//! conversion. The 12-bit result is scaled to 16 bits as MicroPython does
//! (`raw << 4 | raw >> 8`, so full scale is 65535).

use rime_vm::port::{Adc, AdcSource, MachineError};

use crate::chip::hal::adc::{AdcPin, TempSense};
use crate::chip::hal::{self, pac};
use crate::machine::Rp2Machine;

/// MicroPython rp2's `Pin.ALT_NULL`: the chip's function number for no function (`GPIO_FUNC_NULL`), as an ADC input has.
const ALT_NULL: u8 = 31;

/// The temperature sensor's channel.
const TEMPERATURE_CHANNEL: u32 = 4;
/// The GPIO of channel 0; channels 1 to 3 follow it.
const FIRST_ADC_GPIO: u32 = 26;

/// The ADC: its register block until the first conversion, then the HAL's driver.
pub enum AdcState {
    Off(Option<pac::ADC>),
    On(hal::adc::Adc, Option<TempSense>),
}

/// The channel `source` names, as MicroPython's rp2 `ADC` constructor reads it.
pub fn adc_channel(source: AdcSource) -> Result<u32, MachineError> {
    let pin = match source {
        AdcSource::Id(id) if id <= TEMPERATURE_CHANNEL => return Ok(id),
        AdcSource::Id(pin) | AdcSource::Pin(pin) => pin,
    };
    match pin.checked_sub(FIRST_ADC_GPIO) {
        Some(channel) if channel < TEMPERATURE_CHANNEL => Ok(channel),
        _ => Err(MachineError::InvalidArgument("Pin doesn't have ADC capabilities")),
    }
}

impl Rp2Machine {
    /// The HAL's ADC driver, brought up at the first use.
    fn adc_driver(&mut self) -> Result<(&mut hal::adc::Adc, &mut Option<TempSense>), MachineError> {
        if let AdcState::Off(block) = &mut self.adc {
            let block = block.take().ok_or(MachineError::InUse("the ADC is busy"))?;
            self.adc = AdcState::On(hal::adc::Adc::new(block, &mut self.resets), None);
        }
        match &mut self.adc {
            AdcState::On(adc, temperature) => Ok((adc, temperature)),
            AdcState::Off(_) => Err(MachineError::InUse("the ADC is busy")),
        }
    }

    fn adc_convert(&mut self, channel: u32) -> Result<u16, MachineError> {
        let failed = |_| MachineError::Io(MachineError::EIO);
        if channel == TEMPERATURE_CHANNEL {
            let (adc, temperature) = self.adc_driver()?;
            if temperature.is_none() {
                *temperature = adc.take_temp_sensor();
            }
            let sensor = temperature.as_mut().ok_or(MachineError::InUse("the temperature sensor is busy"))?;
            return adc.read(sensor).map_err(failed);
        }
        let gpio = FIRST_ADC_GPIO + channel;
        self.adc_driver()?;
        let pin = self.lend_pin(gpio, ALT_NULL)?;
        let mut adc_pin = match AdcPin::new(pin) {
            Ok(adc_pin) => adc_pin,
            Err(_) => {
                self.restore_pin(gpio);
                return Err(MachineError::InvalidArgument("Pin doesn't have ADC capabilities"));
            }
        };
        let result = match self.adc_driver() {
            Ok((adc, _)) => adc.read(&mut adc_pin).map_err(failed),
            Err(error) => Err(error),
        };
        self.return_pin(gpio, adc_pin.release());
        result
    }
}

/// `Machine::adc` selected the channel.
impl Adc for Rp2Machine {
    fn read_u16(&mut self) -> Result<u16, MachineError> {
        let raw = self.adc_convert(self.selected)?;
        Ok(raw << 4 | raw >> 8)
    }
}
