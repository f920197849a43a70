//! Strings: qstrs (static, frozen and RAM pools), str and bytes objects, and
//! the growable byte buffer used to build them.
//!
//! Layouts (words):
//! * str / bytes: `type, hash, byte length, data address` (data NUL-terminated;
//!   on the heap it follows the header in the same allocation, or is a buffer's
//!   block)
//! * bytearray / buffer: `type, byte length, capacity, data address`
//! * RAM qstr pool: `type, previous pool, first id, count, capacity, str object…`

use super::{Obj, Singleton, TypeId};
use crate::vm::{Vm, QSTR_HASH_CACHE_SIZE, QSTR_TEXT_CACHE_SIZE, R};
use rime_bytecode::qstr_hash16;
use rime_bytecode::qstr_runtime::{any_static_qstr, any_static_qstr_id, END_STATIC_QSTRS};

const POOL_HEADER: u32 = 5;

impl<'a> Vm<'a> {
    // ---- qstrs --------------------------------------------------------

    /// The bytes of qstr `id` (empty for an unknown id).
    #[inline(never)]
    pub fn qstr_bytes(&self, id: u32) -> &[u8] {
        // A frozen qstr whose text the cache holds: the common case, kept
        // short (no registers to save) by leaving the rest out of line.
        if id.wrapping_sub(self.image.first_qstr) < self.image.qstr_count {
            let (cached, offset, len) = self.qstr_text_cache[qstr_text_slot(id)].get();
            if cached == id.wrapping_add(1) {
                return self.image.range(offset as usize, len as usize);
            }
        }
        self.qstr_bytes_uncached(id)
    }

    /// [`Vm::qstr_bytes`] of a static or RAM qstr, or of a frozen one the
    /// text cache lacks (which it then keeps).
    #[inline(never)]
    fn qstr_bytes_uncached(&self, id: u32) -> &[u8] {
        if id < u32::from(END_STATIC_QSTRS) {
            return u16::try_from(id).ok().and_then(any_static_qstr).map(str::as_bytes).unwrap_or(&[]);
        }
        if id >= self.image.first_qstr && id < self.image.first_qstr + self.image.qstr_count {
            let entry = &self.qstr_text_cache[qstr_text_slot(id)];
            let (cached, offset, len) = entry.get();
            if cached == id + 1 {
                return self.image.range(offset as usize, len as usize);
            }
            let (offset, len) = self.image.qstr_location(id - self.image.first_qstr);
            entry.set((id + 1, offset as u32, len as u32));
            return self.image.range(offset, len);
        }
        let str_obj = self.ram_qstr(id);
        if str_obj.is_null() {
            return &[];
        }
        self.str_bytes(str_obj)
    }

    /// The qstr as `&str` (qstrs are always UTF-8).
    pub fn qstr_str(&self, id: u32) -> &str {
        core::str::from_utf8(self.qstr_bytes(id)).unwrap_or("?")
    }

    /// The hash of qstr `id`.
    pub fn qstr_hash(&self, id: u32) -> u32 {
        // Static and frozen qstrs never change: their hashes are cached (an
        // entry is only ever written for one of them). RAM qstrs keep theirs
        // in their str object.
        let entry = &self.qstr_hash_cache[(id.wrapping_mul(0x9e37_79b1) >> 24) as usize % QSTR_HASH_CACHE_SIZE];
        let cached = entry.get();
        if cached >> 16 == id.wrapping_add(1) {
            return cached & 0xffff;
        }
        let in_image = id >= self.image.first_qstr && id < self.image.first_qstr + self.image.qstr_count;
        let cacheable = (id < u32::from(END_STATIC_QSTRS) || in_image) && id < 0xffff;
        let hash = if in_image {
            u32::from(self.image.qstr_hash(id - self.image.first_qstr))
        } else {
            u32::from(qstr_hash16(self.qstr_bytes(id)))
        };
        if cacheable {
            entry.set((id + 1) << 16 | hash);
        }
        hash
    }

    fn ram_qstr(&self, id: u32) -> Obj {
        let mut pool = self.qstr_pools;
        while !pool.is_null() {
            let first = self.get_u(pool, 2);
            let count = self.get_u(pool, 3);
            if id >= first && id < first + count {
                return self.get(pool, POOL_HEADER + id - first);
            }
            pool = self.get(pool, 1);
        }
        Obj::NULL
    }

    /// The id of the qstr with these bytes, if one exists.
    pub fn find_qstr(&self, bytes: &[u8]) -> Option<u32> {
        if let Ok(text) = core::str::from_utf8(bytes) {
            if let Some(id) = any_static_qstr_id(text) {
                return Some(u32::from(id));
            }
        }
        self.find_dynamic_qstr(bytes)
    }

    /// [`Vm::find_qstr`] for bytes known not to be a static qstr: the
    /// image's pool and the RAM pools.
    pub fn find_dynamic_qstr(&self, bytes: &[u8]) -> Option<u32> {
        // One hash serves the image's pool (its stored hash bytes) and the RAM pools.
        let hash16 = qstr_hash16(bytes);
        if let Some(id) = self.image.find_qstr(bytes, hash16) {
            return Some(id);
        }
        let hash = u32::from(hash16);
        let mut pool = self.qstr_pools;
        while !pool.is_null() {
            let first = self.get_u(pool, 2);
            let count = self.get_u(pool, 3);
            for index in 0..count {
                let entry = self.get(pool, POOL_HEADER + index);
                if self.get_u(entry, 1) == hash && self.str_bytes(entry) == bytes {
                    return Some(first + index);
                }
            }
            pool = self.get(pool, 1);
        }
        None
    }

    /// One past the highest qstr id in use (static, image and RAM qstrs).
    pub fn qstr_end(&self) -> u32 {
        self.next_qstr_id()
    }

    /// The next id a RAM qstr gets.
    fn next_qstr_id(&self) -> u32 {
        if self.qstr_pools.is_null() {
            self.image.first_qstr + self.image.qstr_count
        } else {
            self.get_u(self.qstr_pools, 2) + self.get_u(self.qstr_pools, 3)
        }
    }

    /// The qstr for the str object or bytes `text_obj`, adding it to a RAM pool if new.
    pub fn intern(&mut self, text_obj: Obj) -> R<Obj> {
        if text_obj.is_qstr() {
            return Ok(text_obj);
        }
        if let Some(id) = self.find_qstr(self.str_bytes(text_obj)) {
            return Ok(Obj::qstr(id));
        }
        if self.str_bytes(text_obj).len() > 255 {
            return Err(self.raise_msg(TypeId::RuntimeError, "name too long"));
        }
        let mark = self.root_mark();
        self.push_root(text_obj)?;
        // Copy the string so that the pool owns immutable, hashed data.
        let len = self.str_len(text_obj);
        let copy = self.alloc_str(TypeId::Str, len)?;
        let data = self.get_u(text_obj, 3);
        let target = self.get_u(copy, 3);
        self.copy_bytes(data, target, len);
        let hash = u32::from(qstr_hash16(self.str_bytes(copy)));
        self.set_u(copy, 1, hash);
        self.push_root(copy)?;
        let pool = self.qstr_pools;
        let id = self.next_qstr_id();
        if pool.is_null() || self.get_u(pool, 3) == self.get_u(pool, 4) {
            let capacity = if pool.is_null() { 8 } else { (self.get_u(pool, 4) * 2).min(256) };
            let new_pool = self.alloc_typed(TypeId::QstrPool, (POOL_HEADER + capacity) as usize)?;
            self.set(new_pool, 1, pool);
            self.set_u(new_pool, 2, id);
            self.set_u(new_pool, 3, 0);
            self.set_u(new_pool, 4, capacity);
            self.qstr_pools = new_pool;
        }
        let pool = self.qstr_pools;
        let count = self.get_u(pool, 3);
        self.set(pool, POOL_HEADER + count, copy);
        self.set_u(pool, 3, count + 1);
        self.pop_roots(mark);
        Ok(Obj::qstr(id))
    }

    /// The interned one-character string of the ASCII byte `byte`, which
    /// MicroPython hands out for `chr(i)`, `s[i]` and each step over a str:
    /// comparing two of them is one word, and none takes heap after the
    /// first (the id is remembered in `ascii_qstr_cache`).
    pub fn ascii_char_str(&mut self, byte: u8) -> R<Obj> {
        let slot = usize::from(byte & 0x7f);
        let cached = self.ascii_qstr_cache[slot].get();
        if cached != 0 {
            return Ok(Obj::qstr(u32::from(cached)));
        }
        let interned = self.intern_bytes(&[byte & 0x7f])?;
        if let Ok(id) = u16::try_from(interned.qstr_id()) {
            self.ascii_qstr_cache[slot].set(id);
        }
        Ok(interned)
    }

    /// Interns Rust bytes.
    pub fn intern_bytes(&mut self, bytes: &[u8]) -> R<Obj> {
        if let Some(id) = self.find_qstr(bytes) {
            return Ok(Obj::qstr(id));
        }
        let text = self.new_str(bytes)?;
        self.intern(text)
    }

    /// Every RAM qstr: `(id, str object)`, for `micropython.qstr_info`.
    pub fn ram_qstr_pools(&self) -> Obj {
        self.qstr_pools
    }

    // ---- str and bytes objects ------------------------------------------

    /// Allocates a str or bytes object of `len` bytes (zeroed data, hash 0).
    pub fn alloc_str(&mut self, type_id: TypeId, len: usize) -> R<Obj> {
        let words = 4 + (len + 1).div_ceil(4);
        let obj = self.alloc_typed(type_id, words)?;
        self.set_u(obj, 2, len as u32);
        self.set_u(obj, 3, obj.0 + 16);
        Ok(obj)
    }

    /// A new str with these (UTF-8) bytes.
    pub fn new_str(&mut self, bytes: &[u8]) -> R<Obj> {
        if bytes.is_empty() {
            return Ok(Obj::qstr(1));
        }
        let obj = self.alloc_str(TypeId::Str, bytes.len())?;
        let data = self.get_u(obj, 3);
        self.heap.bytes_mut(data, bytes.len()).copy_from_slice(bytes);
        Ok(obj)
    }

    /// A new bytes object.
    pub fn new_bytes(&mut self, bytes: &[u8]) -> R<Obj> {
        if bytes.is_empty() {
            return Ok(Singleton::EmptyBytes.obj());
        }
        let obj = self.alloc_str(TypeId::Bytes, bytes.len())?;
        let data = self.get_u(obj, 3);
        self.heap.bytes_mut(data, bytes.len()).copy_from_slice(bytes);
        Ok(obj)
    }

    /// A str or bytes made of byte range `start..end` of another (any region).
    pub fn str_slice(&mut self, type_id: TypeId, source: Obj, start: usize, end: usize) -> R<Obj> {
        let len = end.saturating_sub(start);
        if type_id == TypeId::ByteArray {
            let mark = self.root_mark();
            self.push_root(source)?;
            let buffer = self.new_buffer(TypeId::Buffer, len)?;
            self.push_root(buffer)?;
            self.buffer_push_range(buffer, source, start, len)?;
            self.pop_roots(mark);
            return self.buffer_finish(buffer, TypeId::ByteArray);
        }
        if len == 0 {
            return Ok(if type_id == TypeId::Str { Obj::qstr(1) } else { Singleton::EmptyBytes.obj() });
        }
        if source.is_qstr() {
            let id = source.qstr_id();
            if self.qstr_bytes(id).get(start..end).is_none() {
                return Ok(if type_id == TypeId::Str { Obj::qstr(1) } else { Singleton::EmptyBytes.obj() });
            }
            let obj = self.alloc_str(type_id, len)?;
            let to = self.get_u(obj, 3);
            self.copy_qstr_bytes(id, start, len, to);
            return Ok(obj);
        }
        let mark = self.root_mark();
        self.push_root(source)?;
        let obj = self.alloc_str(type_id, len)?;
        self.pop_roots(mark);
        let from = self.bytes_data_address(source) + start as u32;
        let to = self.get_u(obj, 3);
        self.copy_bytes(from, to, len);
        Ok(obj)
    }

    /// The bytes of a qstr, str, bytes or bytearray (empty for anything else).
    pub fn str_bytes(&self, obj: Obj) -> &[u8] {
        // Heap strs and bytes first: what dict keys, split and join meet most.
        if self.is_heap(obj) {
            let type_word = self.heap.word(obj.0);
            if type_word == TypeId::Str.addr() || type_word == TypeId::Bytes.addr() {
                let len = self.heap.word(obj.0.wrapping_add(8));
                let data = self.heap.word(obj.0.wrapping_add(12));
                return self.bytes_at(data, len as usize);
            }
        }
        if obj.is_qstr() {
            return self.qstr_bytes(obj.qstr_id());
        }
        if obj == Singleton::EmptyBytes.obj() || !obj.is_ptr() {
            return &[];
        }
        let (len, data) = match self.native_type(obj) {
            TypeId::Str | TypeId::Bytes => (self.get_u(obj, 2), self.get_u(obj, 3)),
            TypeId::ByteArray | TypeId::Buffer | TypeId::Array => (self.get_u(obj, 1), self.get_u(obj, 3)),
            TypeId::MemoryView => {
                let (data, len) = self.memoryview_data(obj);
                (len as u32, data)
            }
            _ => return &[],
        };
        self.bytes_at(data, len as usize)
    }

    /// The byte length of a str-like object.
    pub fn str_len(&self, obj: Obj) -> usize {
        self.str_bytes(obj).len()
    }

    /// The hash of a str or bytes (the qstr hash of its bytes).
    pub fn str_hash(&self, obj: Obj) -> u32 {
        if obj.is_qstr() {
            return self.qstr_hash(obj.qstr_id());
        }
        let stored = self.get_u(obj, 1);
        if stored != 0 && self.native_type(obj) != TypeId::ByteArray {
            return stored;
        }
        u32::from(qstr_hash16(self.str_bytes(obj)))
    }

    /// The hash of a str or bytes object (not a bytearray), stored in a heap
    /// object's hash word the first time it is asked for (strs and bytes never
    /// change), so a str used again as a dict key is hashed once, as
    /// MicroPython's are.
    pub fn str_hash_cached(&mut self, obj: Obj) -> u32 {
        if obj.is_qstr() {
            return self.qstr_hash(obj.qstr_id());
        }
        let stored = self.get_u(obj, 1);
        if stored != 0 {
            return stored;
        }
        let hash = u32::from(qstr_hash16(self.str_bytes(obj)));
        if self.is_heap(obj) {
            self.set_u(obj, 1, hash);
        }
        hash
    }

    /// Whether two str objects (qstrs or heap or image strs) hold the same
    /// text; `hash` is `right`'s. Strs of different hashes differ, so most
    /// unequal pairs are told apart without reading their bytes.
    pub fn str_equal_hashed(&mut self, left: Obj, right: Obj, hash: u32) -> bool {
        self.str_hash_cached(left) == hash && self.str_bytes(left) == self.str_bytes(right)
    }

    /// Whether `obj` is a str (qstr or object).
    pub fn is_str(&self, obj: Obj) -> bool {
        obj.is_qstr() || (obj.is_ptr() && self.native_type(obj) == TypeId::Str)
    }

    /// Whether `obj` is bytes or bytearray.
    pub fn is_bytes_like(&self, obj: Obj) -> bool {
        obj.is_ptr() && matches!(self.native_type(obj), TypeId::Bytes | TypeId::ByteArray)
    }

    /// The text of a str, or raise TypeError naming `what`.
    pub fn expect_str(&mut self, obj: Obj, what: &str) -> R<()> {
        if self.is_str(obj) {
            Ok(())
        } else {
            Err(self.type_error_for(what, obj))
        }
    }

    // ---- buffers ------------------------------------------------------

    /// A growable byte buffer (also the bytearray layout).
    pub fn new_buffer(&mut self, type_id: TypeId, capacity: usize) -> R<Obj> {
        let buffer = self.alloc_typed(type_id, 4)?;
        let mark = self.root_mark();
        self.push_root(buffer)?;
        let data = self.alloc((capacity + 1).div_ceil(4).max(1))?;
        self.pop_roots(mark);
        self.set_u(buffer, 1, 0);
        self.set_u(buffer, 2, ((capacity + 1).div_ceil(4).max(1) * 4 - 1) as u32);
        self.set(buffer, 3, data);
        Ok(buffer)
    }

    /// Makes room for `extra` more bytes in a buffer.
    pub fn buffer_reserve(&mut self, buffer: Obj, extra: usize) -> R<()> {
        let len = self.get_u(buffer, 1) as usize;
        let capacity = self.get_u(buffer, 2) as usize;
        if len + extra <= capacity {
            return Ok(());
        }
        let new_capacity = (len + extra).max(capacity * 2).max(15);
        let words = (new_capacity + 1).div_ceil(4);
        let mark = self.root_mark();
        self.push_root(buffer)?;
        let data = self.alloc(words)?;
        self.pop_roots(mark);
        let old = self.get(buffer, 3);
        self.copy_bytes(old.0, data.0, len);
        self.free(old);
        self.set(buffer, 3, data);
        self.set_u(buffer, 2, (words * 4 - 1) as u32);
        Ok(())
    }

    /// Copies `len` bytes of qstr `id`, from byte `start`, to heap address
    /// `to`, through a small stack buffer: a qstr's text may itself live on
    /// the heap (the RAM pool), so it cannot stay borrowed while the heap is
    /// written. The caller has checked that the range is inside the qstr.
    fn copy_qstr_bytes(&mut self, id: u32, start: usize, len: usize, to: u32) {
        let mut chunk = [0u8; 64];
        let mut done = 0;
        while done < len {
            let count = (len - done).min(chunk.len());
            let Some(part) = self.qstr_bytes(id).get(start + done..start + done + count) else { return };
            chunk[..count].copy_from_slice(part);
            self.heap.bytes_mut(to + done as u32, count).copy_from_slice(&chunk[..count]);
            done += count;
        }
    }

    /// Appends Rust bytes to a buffer.
    pub fn buffer_push(&mut self, buffer: Obj, bytes: &[u8]) -> R<()> {
        self.buffer_reserve(buffer, bytes.len())?;
        let len = self.get_u(buffer, 1);
        let data = self.get_u(buffer, 3);
        self.heap.bytes_mut(data + len, bytes.len()).copy_from_slice(bytes);
        self.set_u(buffer, 1, len + bytes.len() as u32);
        Ok(())
    }

    /// Appends the bytes of a str-like object to a buffer.
    pub fn buffer_push_obj(&mut self, buffer: Obj, text: Obj) -> R<()> {
        if text.is_qstr() {
            let id = text.qstr_id();
            let len = self.qstr_bytes(id).len();
            self.buffer_reserve(buffer, len)?;
            let at = self.get_u(buffer, 1);
            let data = self.get_u(buffer, 3);
            self.copy_qstr_bytes(id, 0, len, data + at);
            self.set_u(buffer, 1, at + len as u32);
            return Ok(());
        }
        let len = self.str_len(text);
        let mark = self.root_mark();
        self.push_root(text)?;
        self.buffer_reserve(buffer, len)?;
        self.pop_roots(mark);
        let source = self.bytes_data_address(text);
        let at = self.get_u(buffer, 1);
        let data = self.get_u(buffer, 3);
        self.copy_bytes(source, data + at, len);
        self.set_u(buffer, 1, at + len as u32);
        Ok(())
    }

    /// Turns a buffer into a str (or bytes) without copying the data.
    pub fn buffer_finish(&mut self, buffer: Obj, type_id: TypeId) -> R<Obj> {
        if type_id == TypeId::ByteArray {
            self.set_u(buffer, 0, TypeId::ByteArray.addr());
            return Ok(buffer);
        }
        let len = self.get_u(buffer, 1) as usize;
        if len == 0 {
            return Ok(if type_id == TypeId::Str { Obj::qstr(1) } else { Singleton::EmptyBytes.obj() });
        }
        if type_id == TypeId::Str {
            if let Some(id) = (len <= 8).then(|| self.find_qstr(self.str_bytes(buffer))).flatten() {
                return Ok(Obj::qstr(id));
            }
        }
        let data = self.get(buffer, 3);
        self.set_u(buffer, 0, type_id.addr());
        self.set_u(buffer, 1, 0);
        self.set_u(buffer, 2, len as u32);
        self.set(buffer, 3, data);
        // The capacity is always at least len + 1, so the data ends in a NUL.
        self.heap.bytes_mut(data.0 + len as u32, 1).fill(0);
        Ok(buffer)
    }

    /// `left + right` for bytes and bytearray: the result has the type of
    /// `left`, and `bytearray += ...` extends `left` in place.
    pub fn concat_bytes(&mut self, left: Obj, right: Obj, inplace: bool) -> R<Obj> {
        let left_type = self.native_type(left);
        if left_type == TypeId::ByteArray && inplace {
            self.buffer_push_obj(left, right)?;
            return Ok(left);
        }
        // The right operand may be any buffer (a view, an array): its bytes'
        // count is known once they are copied.
        let right_len = if self.is_bytes_like(right) { self.str_len(right) } else { 0 };
        let total = self.str_len(left) + right_len;
        let buffer = self.new_buffer(TypeId::Buffer, total)?;
        let mark = self.root_mark();
        self.push_root(buffer)?;
        self.buffer_push_obj(buffer, left)?;
        self.buffer_push_obj(buffer, right)?;
        self.pop_roots(mark);
        if left_type == TypeId::ByteArray {
            self.set_u(buffer, 0, TypeId::ByteArray.addr());
            return Ok(buffer);
        }
        self.buffer_finish(buffer, TypeId::Bytes)
    }

    /// Appends `len` bytes of `source` (a bytes-like object) from `start`.
    pub fn buffer_push_range(&mut self, buffer: Obj, source: Obj, start: usize, len: usize) -> R<()> {
        let mark = self.root_mark();
        self.push_root(source)?;
        self.buffer_reserve(buffer, len)?;
        self.pop_roots(mark);
        let from = self.bytes_data_address(source) + start as u32;
        let at = self.get_u(buffer, 1);
        let data = self.get_u(buffer, 3);
        self.copy_bytes(from, data + at, len);
        self.set_u(buffer, 1, at + len as u32);
        Ok(())
    }

    /// `bytearray[start:stop] = value` (step 1): builds the new contents and
    /// swaps them in, so the bytearray object keeps its identity.
    pub fn bytearray_assign_slice(&mut self, target: Obj, slice: Obj, value: Obj) -> R<()> {
        let len = self.str_len(target);
        let (start, stop, step) = self.slice_indices(slice, len as i64)?;
        if step != 1 {
            return Err(self.raise_msg(TypeId::NotImplementedError, "extended slice assignment"));
        }
        self.bytearray_assign_range(target, start as usize, stop.max(start) as usize, value)
    }

    /// `bytearray[start:stop] = value` with the bounds resolved (step 1).
    /// A buffer of the same length is copied in place, allocating nothing
    /// (as MicroPython does, so it works with the heap locked); anything
    /// else builds the new contents.
    pub(crate) fn bytearray_assign_range(&mut self, target: Obj, start: usize, stop: usize, value: Obj) -> R<()> {
        let len = self.str_len(target);
        let is_buffer = self.is_bytes_like(value) || matches!(self.native_type(value), TypeId::MemoryView);
        if is_buffer {
            let (source, source_len) = self.slice_assignment_source(value, 1)?;
            if source_len == stop - start {
                let data = self.get_u(target, 3);
                self.copy_bytes(source, data + start as u32, source_len);
                return Ok(());
            }
        }
        let mark = self.root_mark();
        let source = if self.is_bytes_like(value) || self.native_type(value) == TypeId::MemoryView {
            value
        } else {
            crate::builtins::construct(self, TypeId::Bytes, &[value], &[])?
        };
        self.push_root(source)?;
        let fresh = self.new_buffer(TypeId::Buffer, len - (stop - start) + self.str_len(source))?;
        self.push_root(fresh)?;
        self.buffer_push_range(fresh, target, 0, start)?;
        self.buffer_push_obj(fresh, source)?;
        self.buffer_push_range(fresh, target, stop, len - stop)?;
        self.pop_roots(mark);
        for slot in 1..4 {
            let word = self.get_u(fresh, slot);
            self.set_u(target, slot, word);
        }
        Ok(())
    }

    /// Formats into a new str.
    pub fn format_to_str(&mut self, args: core::fmt::Arguments<'_>) -> R<Obj> {
        let buffer = self.new_buffer(TypeId::Buffer, 32)?;
        let mark = self.root_mark();
        self.push_root(buffer)?;
        let mut writer = BufferWriter { vm: self, buffer, failed: false };
        let _ = core::fmt::write(&mut writer, args);
        let failed = writer.failed;
        self.pop_roots(mark);
        if failed {
            return Err(crate::vm::Raised);
        }
        self.buffer_finish(buffer, TypeId::Str)
    }
}

/// `core::fmt::Write` into a heap buffer (the buffer must be rooted).
pub struct BufferWriter<'v, 'a> {
    pub vm: &'v mut Vm<'a>,
    pub buffer: Obj,
    pub failed: bool,
}

impl core::fmt::Write for BufferWriter<'_, '_> {
    fn write_str(&mut self, text: &str) -> core::fmt::Result {
        if self.vm.buffer_push(self.buffer, text.as_bytes()).is_err() {
            self.failed = true;
            return Err(core::fmt::Error);
        }
        Ok(())
    }
}

/// The entry of `Vm::qstr_text_cache` for qstr `id`: a multiplicative hash,
/// so that ids a multiple of the cache size apart (a module's names are
/// numbered in order) do not keep evicting each other.
#[inline(always)]
fn qstr_text_slot(id: u32) -> usize {
    (id.wrapping_mul(0x9e37_79b1) >> 24) as usize % QSTR_TEXT_CACHE_SIZE
}
