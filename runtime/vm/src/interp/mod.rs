//! The interpreter: function calls and argument binding ([`call`]), frames
//! ([`frame`]), the dispatch loop ([`dispatch`]), attributes and classes
//! ([`attr`]), imports ([`import`]), generators ([`generator`]) and the flash functions
//! `MAKE_FUNCTION` hands out ([`flash`]).

pub mod attr;
pub mod call;
pub mod class;
pub mod dispatch;
pub mod flash;
pub mod frame;
pub mod generator;
pub mod import;
