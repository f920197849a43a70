//! What a call needs from a raw code, decoded once: the fun_data slice
//! (found through the image's code record) and the prelude's signature
//! (frame size, argument counts, flags, where the opcodes start). Frozen
//! raw codes never change, so an entry of the cache, keyed by the raw
//! code's address and checked against it, stays true for the VM's life;
//! a miss only costs the decoding that every call did before.

use crate::vm::Vm;
use rime_bytecode::prelude::{SCOPE_FLAG_DEFKWARGS, SCOPE_FLAG_GENERATOR, SCOPE_FLAG_VARARGS, SCOPE_FLAG_VARKEYWORDS};
use rime_bytecode::Prelude;

/// Entries of [`Vm::code_info_cache`] (a power of two), in pairs.
pub(crate) const CODE_INFO_CACHE_SIZE: usize = 32;

/// The decoded facts of one raw code.
#[derive(Clone, Copy)]
pub struct CodeInfo<'a> {
    /// The raw code's address (0: an empty cache entry).
    pub raw_code: u32,
    /// Its fun_data: prelude and bytecode, in the image.
    pub code: &'a [u8],
    /// Offset of the first opcode in `code`.
    pub code_start: u16,
    /// Value slots of a frame (at least 1).
    pub n_state: u16,
    /// Exception handler entries of a frame.
    pub n_exc: u8,
    /// Positional parameters (closed-over cells count too).
    pub n_pos: u8,
    /// Whether a call that gives exactly `n_pos` positional arguments and
    /// no keywords binds them and nothing else: no keyword-only parameters,
    /// no `*args`/`**kwargs`, no keyword defaults, no locals that become
    /// cells, not a generator. The counts above are only meaningful when
    /// this is set (a code whose counts do not fit them is not cached and
    /// always takes the general path, which decodes the prelude itself).
    pub positional_only: bool,
    /// What `positional_only` says, but for a generator function (whose
    /// frame is on the heap, made by `Vm::setup_plain_generator_frame`).
    pub plain_generator: bool,
    /// Whether the prelude decoded (the image check makes this always so;
    /// a call of a code that does not decode takes the general path, which
    /// raises).
    pub decoded: bool,
}

pub(crate) const EMPTY: CodeInfo<'static> = CodeInfo {
    raw_code: 0,
    code: &[],
    code_start: 0,
    n_state: 1,
    n_exc: 0,
    n_pos: 0,
    positional_only: false,
    plain_generator: false,
    decoded: false,
};

/// The first of the two cache entries that may hold the raw code at
/// `raw_code` (the other is the one after it): two ways, so that two codes
/// called in turn whose addresses map to the same entry do not evict each
/// other on every call.
#[inline(always)]
fn code_info_slot(raw_code: u32) -> usize {
    (raw_code as usize >> 2) & (CODE_INFO_CACHE_SIZE - 2)
}

/// An empty cache.
pub(crate) const fn empty_code_info_cache<'a>() -> [core::cell::Cell<CodeInfo<'a>>; CODE_INFO_CACHE_SIZE] {
    [const { core::cell::Cell::new(EMPTY) }; CODE_INFO_CACHE_SIZE]
}

impl<'a> Vm<'a> {
    /// The decoded facts of the raw code at `raw_code`, from the cache when
    /// it holds them.
    #[inline]
    pub fn code_info(&self, raw_code: u32) -> CodeInfo<'a> {
        let first = code_info_slot(raw_code);
        let cached = self.code_info_cache[first].get();
        if cached.raw_code == raw_code && cached.decoded {
            return cached;
        }
        self.code_info_second_way(raw_code)
    }

    /// [`Vm::code_info`] when the first way missed: the second way, out of
    /// line so that the inlined lookup stays one comparison.
    #[inline(never)]
    fn code_info_second_way(&self, raw_code: u32) -> CodeInfo<'a> {
        let cached = self.code_info_cache[code_info_slot(raw_code) + 1].get();
        if cached.raw_code == raw_code && cached.decoded {
            return cached;
        }
        self.decode_code_info(raw_code)
    }

    /// Decodes what [`Vm::code_info`] did not find, and keeps it.
    #[cold]
    #[inline(never)]
    fn decode_code_info(&self, raw_code: u32) -> CodeInfo<'a> {
        let first = code_info_slot(raw_code);
        let code = self.raw_code_data(raw_code);
        let Ok(prelude) = Prelude::decode(code) else {
            return CodeInfo { raw_code, code, ..EMPTY };
        };
        let signature = prelude.signature;
        let complex_flags = SCOPE_FLAG_VARARGS | SCOPE_FLAG_VARKEYWORDS | SCOPE_FLAG_DEFKWARGS;
        let simple =
            signature.scope_flags & complex_flags == 0 && signature.n_kwonly_args == 0 && prelude.closure.is_empty();
        let generator = signature.scope_flags & SCOPE_FLAG_GENERATOR != 0;
        let (Ok(code_start), Ok(n_state), Ok(n_exc), Ok(n_pos)) = (
            u16::try_from(prelude.code_start),
            u16::try_from(signature.n_state.max(1)),
            u8::try_from(signature.n_exc_stack),
            u8::try_from(signature.n_pos_args),
        ) else {
            return CodeInfo { raw_code, code, ..EMPTY };
        };
        let info = CodeInfo {
            raw_code,
            code,
            code_start,
            n_state,
            n_exc,
            n_pos,
            positional_only: simple && !generator,
            plain_generator: simple && generator,
            decoded: true,
        };
        // The newest code takes the first way; the one it displaces moves to
        // the second, so of two codes sharing the entries both stay.
        let displaced = self.code_info_cache[first].replace(info);
        self.code_info_cache[first + 1].set(displaced);
        info
    }
}
