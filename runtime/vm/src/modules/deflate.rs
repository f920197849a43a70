//! The `deflate` module as MicroPython 1.27's: `DeflateIO(stream,
//! format=AUTO, wbits=0, close=False)`, a stream that decompresses what it
//! reads from `stream` (`deflate_inflate.rs`) and compresses what is written
//! to it (`deflate_compress.rs`), in the raw, zlib or gzip format.
//!
//! Layout (words): `type, stream (NULL once closed), settings (small int:
//! the format in bits 0–1, wbits in bits 2–5, close in bit 6, a bad header
//! in bit 7), reader state, writer state` (NULL until the first read or
//! write). Each state is one heap allocation, its scalar words first, then
//! (reader) the Huffman trees and the window or (writer) the history, so a
//! board's memory behaves as MicroPython's does.
//!
//! As MicroPython's, the reader takes the compressed stream one byte at a
//! time (from an `io.BytesIO` straight from its buffer, from anything else
//! through `readinto`), so it never reads past the compressed data; the end
//! of the source raises `EOFError`, bad data `OSError(EINVAL)`. The writer
//! sends each write's output on at its end through the stream's `write`.

use super::deflate_compress::{self as compress, CompressIo, Compressor};
use super::deflate_inflate::{self as inflate, adler32, crc32, Check, Header, InflateIo, Inflater, Stop};
use crate::builtins::{check_args, Handler};
use crate::native::{NativeModule, NativeType};
use crate::obj::{Obj, TypeId};
use crate::vm::{Raised, Vm, R};
use rime_bytecode::qstr_runtime::qstr_id;

const AUTO: u32 = 0;
const RAW: u32 = 1;
const ZLIB: u32 = 2;
const GZIP: u32 = 3;
/// The window when wbits is 0 (and for a raw stream): 256 bytes.
const DEFAULT_WINDOW_BITS: u32 = 8;
/// MicroPython's errno for an invalid argument, its error for bad data.
const EINVAL: i32 = 22;

const CLOSE_FLAG: i32 = 1 << 6;
const BAD_HEADER_FLAG: i32 = 1 << 7;

pub static MODULE: NativeModule = NativeModule {
    name: "deflate",
    functions: &[],
    constants: &[
        ("DeflateIO", TypeId::DeflateIO.obj()),
        ("AUTO", Obj::small(AUTO as i32)),
        ("RAW", Obj::small(RAW as i32)),
        ("ZLIB", Obj::small(ZLIB as i32)),
        ("GZIP", Obj::small(GZIP as i32)),
    ],
    attr: None,
};

/// `deflate.DeflateIO`.
pub static DEFLATE_IO_TYPE: NativeType = NativeType {
    methods: DEFLATE_IO_METHODS,
    make_new: Some(construct),
    print: Some(|vm, sink, _, _| vm.emit_fmt(sink, format_args!("<DeflateIO>"))),
    ..NativeType::EMPTY
};

static DEFLATE_IO_METHODS: &[(u16, Handler)] = &[
    (qstr_id("read"), read),
    (qstr_id("readinto"), readinto),
    (qstr_id("readline"), readline),
    (qstr_id("write"), write),
    (qstr_id("close"), close),
    (qstr_id("__enter__"), crate::modules::io::stream_enter),
    (qstr_id("__exit__"), exit),
];

/// `DeflateIO(stream, format=AUTO, wbits=0, close=False)`, positional only.
fn construct(vm: &mut Vm<'_>, _type_id: TypeId, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    if !kw.is_empty() {
        return Err(vm.raise_msg(TypeId::TypeError, "function doesn't take keyword arguments"));
    }
    check_args(vm, args, 1, 4)?;
    let format = match args.get(1) {
        Some(&value) => vm.to_i64(value)?,
        None => i64::from(AUTO),
    };
    let window_bits = match args.get(2) {
        Some(&value) => vm.to_i64(value)?,
        None => 0,
    };
    if !(0..=3).contains(&format) {
        return Err(vm.raise_msg(TypeId::ValueError, "format"));
    }
    if window_bits != 0 && !(5..=15).contains(&window_bits) {
        return Err(vm.raise_msg(TypeId::ValueError, "wbits"));
    }
    let close_flag = match args.get(3) {
        Some(&value) if vm.truthy(value)? => CLOSE_FLAG,
        _ => 0,
    };
    let settings = format as i32 | (window_bits as i32) << 2 | close_flag;
    let this = vm.alloc_typed(TypeId::DeflateIO, 5)?;
    vm.set(this, 1, args[0]);
    vm.set(this, 2, Obj::small(settings));
    vm.set(this, 3, Obj::NULL);
    vm.set(this, 4, Obj::NULL);
    Ok(this)
}

/// The DeflateIO `self`, or TypeError.
fn deflate_io(vm: &mut Vm<'_>, args: &[Obj]) -> R<Obj> {
    match args.first() {
        Some(&this) if vm.native_type(this) == TypeId::DeflateIO => Ok(this),
        Some(&other) => Err(vm.type_error_for("expected a DeflateIO, not", other)),
        None => Err(vm.raise_msg(TypeId::TypeError, "missing self")),
    }
}

fn einval(vm: &mut Vm<'_>) -> Raised {
    crate::modules::vfs::raise_errno(vm, EINVAL)
}

fn stop_to_raised(vm: &mut Vm<'_>, stop: Stop) -> Raised {
    match stop {
        Stop::Raised(raised) => raised,
        Stop::Corrupt => einval(vm),
    }
}

/// Calls `obj.name(*args)` (`name` a qstr).
fn call_method(vm: &mut Vm<'_>, obj: Obj, name: Obj, args: &[Obj]) -> R<Obj> {
    let (function, self_obj) = vm.load_method(obj, name)?;
    vm.root_scope(|vm| {
        vm.push_root(function)?;
        if self_obj.is_null() {
            vm.call(function, args, &[])
        } else {
            use crate::interp::call::Args;
            vm.call_with_self(function, self_obj, Args::Slice(args), Args::Slice(&[]))
        }
    })
}

// ---- reading ---------------------------------------------------------------

/// The compressed source: an `io.BytesIO` read in place, or any stream's
/// `readinto` with a one-byte bytearray; and the reader's memory.
struct Source<'a, 'v> {
    vm: &'a mut Vm<'v>,
    stream: Obj,
    /// The one-byte bytearray `readinto` fills (rooted by the caller), or NULL.
    scratch: Obj,
    memory_address: u32,
    memory_len: usize,
}

impl InflateIo for Source<'_, '_> {
    fn next_byte(&mut self) -> Result<u8, Raised> {
        let vm = &mut *self.vm;
        let stream = self.stream;
        if vm.is_heap(stream) && vm.get_u(stream, 0) == TypeId::BytesIO.addr() {
            let position = vm.get(stream, 2).small_value().max(0) as usize;
            let buffer = vm.get(stream, 1);
            return match vm.str_bytes(buffer).get(position).copied() {
                Some(byte) => {
                    vm.set(stream, 2, Obj::small(position as i32 + 1));
                    Ok(byte)
                }
                None => Err(vm.raise_type(TypeId::EOFError)),
            };
        }
        if self.scratch.is_null() {
            let buffer = vm.new_buffer(TypeId::Buffer, 1)?;
            vm.push_root(buffer)?;
            vm.buffer_push(buffer, &[0])?;
            self.scratch = vm.buffer_finish(buffer, TypeId::ByteArray)?;
        }
        let count = call_method(vm, stream, q!("readinto"), &[self.scratch])?;
        let got = if count.is_small() { count.small_value() } else { 0 };
        match vm.str_bytes(self.scratch).first() {
            Some(&byte) if got > 0 => Ok(byte),
            _ => Err(vm.raise_type(TypeId::EOFError)),
        }
    }

    fn memory(&mut self) -> &mut [u8] {
        self.vm.heap.bytes_mut(self.memory_address, self.memory_len)
    }
}

fn load_words<const N: usize>(vm: &Vm<'_>, state: Obj) -> [u32; N] {
    core::array::from_fn(|index| vm.get_u(state, index as u32))
}

fn store_words(vm: &mut Vm<'_>, state: Obj, words: &[u32]) {
    for (index, &word) in words.iter().enumerate() {
        vm.set_u(state, index as u32, word);
    }
}

/// Reads the header (unless the format is raw) and makes the reader state.
fn start_reading(vm: &mut Vm<'_>, this: Obj, stream: Obj, settings: i32) -> R<Obj> {
    let format = settings as u32 & 3;
    let asked_bits = (settings as u32 >> 2) & 15;
    let (window_bits, check) = if format == RAW {
        (if asked_bits == 0 { DEFAULT_WINDOW_BITS } else { asked_bits }, Check::None)
    } else {
        let mut source = Source { vm, stream, scratch: Obj::NULL, memory_address: 0, memory_len: 0 };
        let header = inflate::read_header(&mut source);
        let vm = source.vm;
        let (header_bits, check) = match header {
            Ok(Header::Zlib { window_bits }) if format != GZIP => (window_bits, Check::Adler32),
            Ok(Header::Gzip) if format != ZLIB => (15, Check::Crc32),
            Err(Stop::Raised(raised)) => return Err(raised),
            _ => {
                vm.set(this, 2, Obj::small(settings | BAD_HEADER_FLAG));
                return Err(einval(vm));
            }
        };
        // A smaller window than asked for is enough when the header says so.
        (if asked_bits == 0 || header_bits < asked_bits { header_bits } else { asked_bits }, check)
    };
    let window_len = 1u32 << window_bits;
    let bytes = 4 * inflate::STATE_WORDS + inflate::WINDOW_START + window_len as usize;
    let state = vm.alloc(bytes.div_ceil(4))?;
    store_words(vm, state, &Inflater::new(window_len, check).to_words());
    vm.set(this, 3, state);
    Ok(state)
}

/// Decompresses into `out` until it is full or the stream ends: the count
/// (0 at the end). MicroPython's `deflateio_read`.
fn read_chunk(vm: &mut Vm<'_>, this: Obj, out: &mut [u8]) -> R<usize> {
    let stream = vm.get(this, 1);
    let settings = vm.get(this, 2).small_value();
    if stream.is_null() || settings & BAD_HEADER_FLAG != 0 {
        return Err(einval(vm));
    }
    if out.is_empty() {
        return Ok(0);
    }
    vm.root_scope(|vm| {
        vm.push_root(stream)?;
        let mut state = vm.get(this, 3);
        if state.is_null() {
            state = start_reading(vm, this, stream, settings)?;
        }
        // Closing the stream from Python during the read must not free it.
        vm.push_root(state)?;
        let mut inflater = Inflater::from_words(load_words(vm, state));
        let memory_address = state.0 + 4 * inflate::STATE_WORDS as u32;
        let memory_len = inflate::WINDOW_START + inflater.window_len as usize;
        let mut source = Source { vm, stream, scratch: Obj::NULL, memory_address, memory_len };
        let result = inflater.inflate(&mut source, out);
        let vm = source.vm;
        store_words(vm, state, &inflater.to_words());
        result.map_err(|stop| stop_to_raised(vm, stop))
    })
}

/// `read([size])`: `size` bytes unless the stream ends first; all of it
/// when `size` is missing or negative.
fn read(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 2)?;
    let this = deflate_io(vm, args)?;
    let wanted = crate::modules::io::read_size(vm, args, 1)?;
    let buffer = vm.new_buffer(TypeId::Buffer, wanted.unwrap_or(256).min(4096))?;
    vm.root_scope(|vm| {
        vm.push_root(buffer)?;
        let mut chunk = [0u8; 128];
        let mut total = 0;
        while wanted.is_none_or(|wanted| total < wanted) {
            let take = wanted.map_or(chunk.len(), |wanted| (wanted - total).min(chunk.len()));
            let got = read_chunk(vm, this, &mut chunk[..take])?;
            if got == 0 {
                break;
            }
            vm.buffer_push(buffer, &chunk[..got])?;
            total += got;
        }
        vm.buffer_finish(buffer, TypeId::Bytes)
    })
}

/// The address and length of a writable buffer (bytearray, array, or a
/// memoryview of one), or TypeError.
fn writable_span(vm: &mut Vm<'_>, target: Obj) -> R<(u32, usize)> {
    vm.require_writable_buffer(target)?;
    Ok(match vm.native_type(target) {
        TypeId::MemoryView => vm.memoryview_data(target),
        _ => (vm.get_u(target, 3), vm.get_u(target, 1) as usize),
    })
}

/// `readinto(buf[, nbytes])`: fills the buffer as far as the stream goes.
fn readinto(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 3)?;
    let this = deflate_io(vm, args)?;
    let target = args[1];
    let (_, mut wanted) = writable_span(vm, target)?;
    if let Some(&limit) = args.get(2) {
        wanted = wanted.min(usize::try_from(vm.to_i64(limit)?).unwrap_or(0));
    }
    let mut chunk = [0u8; 128];
    let mut total = 0;
    while total < wanted {
        let take = (wanted - total).min(chunk.len());
        let got = read_chunk(vm, this, &mut chunk[..take])?;
        if got == 0 {
            break;
        }
        // The buffer is asked again: Python code the source ran may have resized it.
        let (address, len) = writable_span(vm, target)?;
        let fits = got.min(len.saturating_sub(total));
        vm.heap.bytes_mut(address + total as u32, fits).copy_from_slice(&chunk[..fits]);
        total += got;
    }
    vm.new_int(total as i64)
}

/// `readline([size])`: bytes up to and with a newline, one at a time.
fn readline(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 2)?;
    let this = deflate_io(vm, args)?;
    let limit = crate::modules::io::read_size(vm, args, 1)?;
    let buffer = vm.new_buffer(TypeId::Buffer, limit.unwrap_or(16).min(256))?;
    vm.root_scope(|vm| {
        vm.push_root(buffer)?;
        let mut count = 0;
        while limit.is_none_or(|limit| count < limit) {
            let mut byte = [0u8; 1];
            if read_chunk(vm, this, &mut byte)? == 0 {
                break;
            }
            vm.buffer_push(buffer, &byte)?;
            count += 1;
            if byte[0] == b'\n' {
                break;
            }
        }
        vm.buffer_finish(buffer, TypeId::Bytes)
    })
}

// ---- writing ---------------------------------------------------------------

/// The compressed output, collected and handed to the stream's `write`, the
/// data being written, and the writer's history.
struct Sink<'a, 'v> {
    vm: &'a mut Vm<'v>,
    stream: Obj,
    data: Obj,
    data_start: usize,
    data_len: usize,
    history_address: u32,
    history_len: usize,
    pending: [u8; 64],
    pending_len: usize,
}

impl Sink<'_, '_> {
    fn push(&mut self, bytes: &[u8]) -> Result<(), Raised> {
        for &byte in bytes {
            self.emit(byte)?;
        }
        Ok(())
    }

    /// Writes what is collected to the stream.
    fn flush(&mut self) -> Result<(), Raised> {
        if self.pending_len == 0 {
            return Ok(());
        }
        let chunk = self.vm.new_bytes(&self.pending[..self.pending_len])?;
        self.pending_len = 0;
        let stream = self.stream;
        self.vm.with_roots(&[chunk], |vm| call_method(vm, stream, q!("write"), &[chunk]))?;
        Ok(())
    }
}

impl CompressIo for Sink<'_, '_> {
    fn history(&self) -> &[u8] {
        self.vm.heap.bytes(self.history_address, self.history_len)
    }

    fn history_mut(&mut self) -> &mut [u8] {
        self.vm.heap.bytes_mut(self.history_address, self.history_len)
    }

    fn input(&self) -> &[u8] {
        let all = self.vm.str_bytes(self.data);
        let start = self.data_start.min(all.len());
        let end = (self.data_start + self.data_len).min(all.len());
        &all[start..end]
    }

    fn emit(&mut self, byte: u8) -> Result<(), Raised> {
        self.pending[self.pending_len] = byte;
        self.pending_len += 1;
        if self.pending_len == self.pending.len() {
            self.flush()?;
        }
        Ok(())
    }
}

/// Makes the writer state and sends the header (zlib or gzip) and the
/// block header into `sink`.
fn start_writing(sink: &mut Sink<'_, '_>, this: Obj, settings: i32) -> R<Obj> {
    let format = settings as u32 & 3;
    let asked_bits = (settings as u32 >> 2) & 15;
    let window_bits = if asked_bits == 0 { DEFAULT_WINDOW_BITS } else { asked_bits };
    let history_len = 1u32 << window_bits;
    let vm = &mut *sink.vm;
    let state = vm.alloc(compress::STATE_WORDS + history_len as usize / 4)?;
    vm.set(this, 4, state);
    let checksum = match format {
        ZLIB => 1,
        GZIP => !0,
        _ => 0,
    };
    let mut compressor = Compressor::new(history_len, checksum);
    if format == ZLIB {
        // The window's size as zlib counts it (at least 512 bytes), and a
        // check value that makes the two bytes a multiple of 31.
        let cmf = 0x08 | (window_bits.saturating_sub(8).max(1) << 4);
        let flags = 0x80 | (31 - (cmf * 256 + 0x80) % 31);
        sink.push(&[cmf as u8, flags as u8])?;
    } else if format == GZIP {
        // No time, the fastest level, Unix.
        sink.push(&[0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x04, 0x03])?;
    }
    sink.history_address = state.0 + 4 * compress::STATE_WORDS as u32;
    sink.history_len = history_len as usize;
    compressor.start_block(sink)?;
    store_words(sink.vm, state, &compressor.to_words());
    Ok(state)
}

/// `write(buf[, max_len])` or `write(buf, offset, max_len)`: compresses the
/// bytes and returns their count.
fn write(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 4)?;
    let this = deflate_io(vm, args)?;
    let data = args[1];
    if !(vm.is_str(data) || vm.is_bytes_like(data) || vm.native_type(data) == TypeId::MemoryView
        || vm.native_type(data) == TypeId::Array)
    {
        return Err(vm.raise_msg(TypeId::TypeError, "object with buffer protocol required"));
    }
    let full_len = vm.str_len(data);
    let (start, len) = super::io::write_span(vm, args, full_len)?;
    if len == 0 {
        return Ok(Obj::small(0));
    }
    let stream = vm.get(this, 1);
    if stream.is_null() {
        return Err(einval(vm));
    }
    let settings = vm.get(this, 2).small_value();
    vm.root_scope(|vm| {
        vm.push_root(stream)?;
        let mut sink = Sink {
            vm,
            stream,
            data,
            data_start: start,
            data_len: len,
            history_address: 0,
            history_len: 0,
            pending: [0; 64],
            pending_len: 0,
        };
        let mut state = sink.vm.get(this, 4);
        if state.is_null() {
            state = start_writing(&mut sink, this, settings)?;
        }
        sink.vm.push_root(state)?;
        let mut compressor = Compressor::from_words(load_words(sink.vm, state));
        sink.history_address = state.0 + 4 * compress::STATE_WORDS as u32;
        sink.history_len = compressor_history_len(sink.vm, state);
        compressor.input_len = compressor.input_len.wrapping_add(len as u32);
        compressor.checksum = match settings as u32 & 3 {
            ZLIB => adler32(compressor.checksum, sink.input()),
            GZIP => crc32(compressor.checksum, sink.input()),
            _ => compressor.checksum,
        };
        let result = compressor.compress(&mut sink).and_then(|()| sink.flush());
        store_words(sink.vm, state, &compressor.to_words());
        result?;
        Ok(Obj::small(len as i32))
    })
}

/// The history's length in a writer state (its word 4).
fn compressor_history_len(vm: &Vm<'_>, state: Obj) -> usize {
    vm.get_u(state, 4) as usize
}

/// Ends the compressed block and writes the zlib or gzip trailer.
fn finish_writing(vm: &mut Vm<'_>, stream: Obj, state: Obj, format: u32) -> R<()> {
    let mut sink = Sink {
        vm,
        stream,
        data: Obj::NONE,
        data_start: 0,
        data_len: 0,
        history_address: 0,
        history_len: 0,
        pending: [0; 64],
        pending_len: 0,
    };
    let mut compressor = Compressor::from_words(load_words(sink.vm, state));
    compressor.finish_block(&mut sink)?;
    store_words(sink.vm, state, &compressor.to_words());
    if format == ZLIB {
        sink.push(&compressor.checksum.to_be_bytes())?;
    } else if format == GZIP {
        sink.push(&(!compressor.checksum).to_le_bytes())?;
        sink.push(&compressor.input_len.to_le_bytes())?;
    }
    sink.flush()
}

/// `close()`: finishes a compressed stream, closes the underlying stream
/// when asked to, and lets go of it. Closing again does nothing.
fn close(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    let this = deflate_io(vm, args)?;
    let stream = vm.get(this, 1);
    if stream.is_null() {
        return Ok(Obj::NONE);
    }
    let settings = vm.get(this, 2).small_value();
    let writer = vm.get(this, 4);
    vm.root_scope(|vm| {
        vm.push_root(stream)?;
        vm.push_root(writer)?;
        let finished = if writer.is_null() { Ok(()) } else { finish_writing(vm, stream, writer, settings as u32 & 3) };
        if settings & CLOSE_FLAG != 0 {
            close_stream(vm, stream)?;
        }
        vm.set(this, 1, Obj::NULL);
        vm.set(this, 3, Obj::NULL);
        vm.set(this, 4, Obj::NULL);
        finished.map(|()| Obj::NONE)
    })
}

/// Closes the wrapped stream: a stream written in Python (an `io.IOBase`)
/// through `ioctl(MP_STREAM_CLOSE, 0)`, as MicroPython's stream protocol
/// asks one, any other through its `close`.
fn close_stream(vm: &mut Vm<'_>, stream: Obj) -> R<()> {
    const STREAM_CLOSE: i32 = 4;
    let type_obj = vm.type_of(stream);
    if vm.is_class(type_obj) {
        if let Some(ioctl) = vm.find_qstr(b"ioctl") {
            call_method(vm, stream, Obj::qstr(ioctl), &[Obj::small(STREAM_CLOSE), Obj::small(0)])?;
            return Ok(());
        }
    }
    call_method(vm, stream, q!("close"), &[])?;
    Ok(())
}

/// The end of a `with` block closes the stream.
fn exit(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 4)?;
    close(vm, &args[..1], &[])
}
