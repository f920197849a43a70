//! The interpreter: function calls and argument binding ([`call`]), frames
//! ([`frame`]), the dispatch loop ([`dispatch`]), attributes and classes
//! ([`attr`]), imports ([`import`]) and generators ([`generator`]).

pub mod attr;
pub mod call;
pub mod class;
pub mod dispatch;
pub mod frame;
pub mod generator;
pub mod import;
