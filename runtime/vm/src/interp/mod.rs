//! The interpreter: function calls and argument binding ([`call`]) with the
//! decoded preludes they keep ([`code_info`]), frames ([`frame`]), the dispatch loop ([`dispatch`], whose inner loop over
//! frame-only instructions is `fast_ops`), attributes and classes
//! ([`attr`]), imports ([`import`]), generators ([`generator`]) and the flash functions
//! `MAKE_FUNCTION` hands out ([`flash`]), and the raw codes compiled on the
//! board, which live in the heap ([`ram_code`]).

pub mod attr;
pub mod call;
pub mod class;
pub mod code_info;
pub mod dispatch;
mod fast_ops;
pub mod flash;
pub mod frame;
pub mod generator;
pub mod import;
pub mod ram_code;
