//! The interpreter: function calls and argument binding ([`call`], `**mapping`
//! arguments in `star_args`) with the
//! decoded preludes they keep ([`code_info`]), frames ([`frame`]; leaving one: `frame_exit`), the dispatch loop ([`dispatch`], whose inner loop over
//! frame-only instructions is `fast_ops`), attributes and classes
//! ([`attr`]) with descriptors (`descriptor`) and `LOAD_GLOBAL`'s cache by bytecode position (`global_site`), imports ([`import`]), generators ([`generator`]) and the flash functions
//! `MAKE_FUNCTION` hands out ([`flash`]), the raw codes compiled on the
//! board, which live in the heap ([`ram_code`]), and modules frozen as
//! source, compiled at their first import (`import_source`); instances of
//! classes derived from immutable-layout builtins ([`subclass`]).

pub mod attr;
pub mod call;
pub mod class;
pub(crate) mod class_attr_cache;
pub mod code_info;
mod descriptor;
pub mod dispatch;
mod fast_ops;
pub mod flash;
pub mod frame;
mod frame_exit;
pub mod generator;
mod generator_drain;
pub(crate) mod global_site;
pub mod import;
mod import_source;
pub mod ram_code;
mod star_args;
pub mod subclass;
