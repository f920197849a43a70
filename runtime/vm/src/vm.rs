//! The VM state: heap, image, roots, and the primitives every other module
//! uses: reading and writing object words in any region, allocating (with
//! automatic collection and `MemoryError`), the temporary-root stack and
//! raising exceptions.

use crate::gc::{Heap, BYTES_PER_BLOCK};
use crate::image::ImageView;
use crate::interp::class_attr_cache::{empty_class_attr_cache, ClassAttr, CLASS_ATTR_CACHE_SIZE};
use crate::interp::code_info::{empty_code_info_cache, CodeInfo, CODE_INFO_CACHE_SIZE};
use crate::interp::global_site::{empty_global_site_cache, GlobalSite, GLOBAL_SITE_CACHE_SIZE};
use crate::obj::{static_word, Obj, Singleton, TypeId};
use crate::port::{Config, Port};
use rime_bytecode::image::{FLASH_BASE, HEAP_BASE, STATIC_BASE};

/// A Python exception is in flight; the exception object is in `Vm::exc`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Raised;

/// The result of anything that can raise.
pub type R<T = Obj> = Result<T, Raised>;

const MAX_ROOTS: usize = 256;

/// Garbage-collector settings (`gc` module).
#[derive(Clone, Copy, Debug)]
pub struct GcState {
    pub enabled: bool,
    /// Collect once this many bytes were allocated since the last collection (-1: never).
    pub threshold: i64,
    pub allocated_since_collect: usize,
    /// The bytes allocated before the last collection, since the VM started
    /// (with `allocated_since_collect`, `micropython.mem_total`).
    pub allocated_before_collect: u64,
    /// The most bytes in use that `micropython.mem_current`/`mem_peak` saw.
    pub peak_in_use: usize,
    pub locked: u32,
    pub collections: u32,
    pub last_freed: usize,
    /// The last compilation on a port with a compile arena: the bytes of
    /// the GC heap lent as the arena, and the most of them it needed (the
    /// source's copy included), for `micropython.mem_info` (0: none yet).
    pub compile_arena_lent: usize,
    pub compile_arena_peak: usize,
    /// The most bytes the compiler had allocated at once in that arena.
    pub compile_allocated_peak: usize,
}

/// The virtual machine.
pub struct Vm<'a> {
    pub heap: Heap<'a>,
    pub image: ImageView<'a>,
    pub port: &'a mut dyn Port,
    pub config: Config,
    pub gc: GcState,
    roots: [Obj; MAX_ROOTS],
    root_count: usize,
    /// The frame being run (its `prev` chain reaches every active frame).
    pub frame: Obj,
    /// The exception being raised.
    pub exc: Obj,
    /// `sys.modules`.
    pub modules: Obj,
    /// The newest RAM qstr pool.
    pub qstr_pools: Obj,
    /// The flash-function state (`interp::flash`): NULL when the image has
    /// no flash functions.
    pub(crate) flash_state: Obj,
    /// The scheduler's queue and the pins' interrupt handlers
    /// (`modules::machine_irq`): NULL until first used.
    pub(crate) interrupts: Obj,
    /// Whether a scheduled callback waits to run.
    pub(crate) schedule_pending: bool,
    /// Whether scheduled callbacks must wait (one is running, a hard
    /// handler is running, or `machine.disable_irq()` holds them).
    pub(crate) schedule_locked: bool,
    /// Whether a `machine.Timer` runs (the dispatch loop then polls).
    pub(crate) timers_running: bool,
    /// The watchdog once `machine.WDT` started it: its timeout and the
    /// millisecond tick of the last feed.
    pub(crate) watchdog: Option<(u32, u32)>,
    /// The REPL's globals when no `__main__` module ran (NULL before the REPL needs them).
    pub(crate) repl_globals: Obj,
    /// The compile arena lent to the port's allocator while a compilation
    /// runs (`crate::compile`), NULL otherwise: collections keep it
    /// without reading its bytes.
    pub(crate) compile_arena: Obj,
    /// The byte (`\r` or `\n`) that ended the console's last line, read by
    /// the REPL or `input`, 0 after any other byte: the other one right
    /// after it then ends no line, so a terminal's `\r\n` is one line end.
    pub(crate) console_last_newline: u8,
    /// The line editor's history (`repl::readline`), shared by the REPL
    /// and `input` as in MicroPython: a list of str, NULL until first used.
    pub(crate) repl_history: Obj,
    /// The compiler's optimisation level for code compiled on the board
    /// (`micropython.opt_level`, 0–3, as `mpy-cross -O`).
    pub(crate) opt_level: u8,
    /// The `StopIteration` a `__next__` method raised, which `iter_next`
    /// took as the end of its iterator: `next()` raises that object again,
    /// arguments and all, as MicroPython does (NULL: none since `next()`
    /// last looked).
    pub(crate) next_stop_iteration: Obj,
    /// A console byte `select.poll` took from the port to learn that input
    /// is waiting, handed out first by [`Vm::read_stdin_byte`].
    pub(crate) stdin_peeked: Option<u8>,
    /// The `collections.OrderedDict` class, made on first use (NULL before).
    pub ordered_dict_class: Obj,
    /// `sys.path`, `io.IOBase` and the filesystems written in Python that
    /// `vfs.mount` mounted (`modules::vfs_user`), made on first use.
    pub(crate) vfs_objects: Obj,
    /// What the program stored into the `builtins` module (`builtins.abs =
    /// …`), a dict looked at before the builtins themselves (NULL: nothing).
    pub(crate) builtins_override: Obj,
    /// Nesting of Python calls and of native code calling into Python.
    pub call_depth: u32,
    pub native_depth: u32,
    /// The exception whose handler is running, for bare `raise`.
    pub handled: Obj,
    /// Set by the dispatch loop when a generator frame yields.
    pub generator_yielded: bool,
    /// Set when a generator is resumed by `throw`: the dispatch loop raises
    /// `exc` at the frame's pending yield instead of running on.
    pub throw_pending: bool,
    /// The generator frame whose yields go straight into
    /// `yield_sink_target` (`interp::generator_drain`), or NULL.
    pub(crate) yield_sink_frame: Obj,
    pub(crate) yield_sink_target: Obj,
    /// The `random` module's generator state (all zero until first seeded).
    pub random_state: [u32; 4],
    /// The machine stack pointer when the VM was made: [`Vm::check_stack`]
    /// measures the stack used since then against `Config::stack_limit`.
    stack_base: usize,
    /// Backward jumps left before the dispatch loop next asks the port
    /// whether an interrupt is pending (asking is a call through the port).
    pub(crate) interrupt_poll_countdown: u32,
    /// Hashes of recently used static and frozen qstrs, direct-mapped by id:
    /// each entry is `(id + 1) << 16 | hash` (0: empty). Frozen qstrs keep
    /// only a hash byte in flash, so without it every dict lookup of a
    /// name would locate the name's text and hash it again.
    pub(crate) qstr_hash_cache: [core::cell::Cell<u32>; QSTR_HASH_CACHE_SIZE],
    /// Set for good once some class may have a `__setattr__` or a property
    /// in its dict (or its dict was handed out, so anything may be added
    /// to it): until then `obj.name = value` on an instance goes straight
    /// to the instance dict without looking either up.
    pub(crate) classes_may_intercept_stores: bool,
    /// Where names were last found in module and class dicts, direct-mapped
    /// by dict and name: the entry number (0..255). A guess is checked
    /// against the entry's key before it is used, so a stale or colliding
    /// one only costs the ordinary probe (as MicroPython's map cache).
    pub(crate) global_lookup_cache: [core::cell::Cell<u8>; GLOBAL_LOOKUP_CACHE_SIZE],
    /// How many attributes instances of recently seen classes came to
    /// hold, direct-mapped by class address: `(class, count)`. A new
    /// instance dict is made that large, so that filling it in `__init__`
    /// does not grow it step by step; a stale entry only sizes a dict.
    pub(crate) instance_dict_hints: [core::cell::Cell<(u32, u8)>; INSTANCE_DICT_HINTS],
    /// Builtins recently looked up by name, direct-mapped by qstr id:
    /// `(id + 1, object)` (0: empty). The builtins are a fixed table of
    /// static objects, so an entry whose id matches is always right.
    pub(crate) builtin_cache: [core::cell::Cell<(u32, u32)>; BUILTIN_CACHE_SIZE],
    /// Beside each `builtin_cache` entry: `(globals, version)`, the module
    /// globals dict that lacked the entry's name when `dict_keys_version`
    /// was `version` (0: none). The dict is watched from then on (a word 2
    /// flag, `obj::dict`): while the version is unchanged and the dict is
    /// still watched, it has not gained or lost a key and still lacks the
    /// name.
    pub(crate) builtin_miss_cache: [core::cell::Cell<(u32, u32)>; BUILTIN_CACHE_SIZE],
    /// Bumped whenever a watched dict gains or loses a key or gets a new
    /// table, and when a dict starts being watched (`obj::dict`); never 0.
    pub(crate) dict_keys_version: u32,
    /// What `plain_class_init` found for a class over `object` alone,
    /// direct-mapped by class address: `(class, version, init)`, where the
    /// class dict (watched from then on) lacked `__new__` when
    /// `dict_keys_version` was `version`, and `init` is the entry number + 1
    /// of its `__init__` (0: none). Emptied at every collection (a class
    /// may die and another take its address) and when the version wraps.
    pub(crate) class_init_cache: [core::cell::Cell<(u32, u32, u32)>; CLASS_INIT_CACHE_SIZE],
    /// The qstr ids of name operands the dispatch loop decoded recently,
    /// direct-mapped by the operand's address in the code being run:
    /// `(address, id)` (address 0: empty). The image's code never changes,
    /// and code made on the board is never written once made and is freed
    /// only by a collection, which empties this cache.
    pub(crate) qstr_operand_cache: [core::cell::Cell<(usize, u32)>; QSTR_OPERAND_CACHE_SIZE],
    /// Where recently run `LOAD_GLOBAL`s found their names, by operand
    /// address (see `interp::global_site`).
    pub(crate) global_site_cache: [core::cell::Cell<GlobalSite>; GLOBAL_SITE_CACHE_SIZE],
    /// Where plain classes find names (`interp::class_attr_cache`).
    pub(crate) class_attr_cache: [core::cell::Cell<ClassAttr>; CLASS_ATTR_CACHE_SIZE],
    /// Where the text of recently used frozen qstrs lies in the image,
    /// direct-mapped by id: `(id + 1, offset, length)` (0: empty), so that
    /// reading a name's text does not search the pool's length classes.
    pub(crate) qstr_text_cache: [core::cell::Cell<(u32, u32, u32)>; QSTR_TEXT_CACHE_SIZE],
    /// The decoded preludes of recently called raw codes, direct-mapped by
    /// address and checked against it (see `interp::code_info`).
    pub(crate) code_info_cache: [core::cell::Cell<CodeInfo<'a>>; CODE_INFO_CACHE_SIZE],
    /// The qstr id of each one-character ASCII string once it has been
    /// interned (0: not looked up yet). An interned string is never removed,
    /// so its id stays true for the VM's life.
    pub(crate) ascii_qstr_cache: [core::cell::Cell<u16>; 128],
}

/// Entries of [`Vm::builtin_cache`] (a power of two; 8 bytes each).
pub(crate) const BUILTIN_CACHE_SIZE: usize = 32;

/// Entries of [`Vm::instance_dict_hints`] (a power of two; 8 bytes each).
pub(crate) const INSTANCE_DICT_HINTS: usize = 8;
/// Entries of `Vm::class_init_cache`.
pub(crate) const CLASS_INIT_CACHE_SIZE: usize = 8;
/// Entries of `Vm::qstr_operand_cache` (a power of two).
pub(crate) const QSTR_OPERAND_CACHE_SIZE: usize = 128;

/// Entries of [`Vm::qstr_text_cache`] (a power of two; 12 bytes each).
pub(crate) const QSTR_TEXT_CACHE_SIZE: usize = 32;

/// Entries of [`Vm::global_lookup_cache`] (a power of two; one byte each).
pub(crate) const GLOBAL_LOOKUP_CACHE_SIZE: usize = 256;

/// Entries of [`Vm::qstr_hash_cache`] (a power of two; 4 bytes each).
pub(crate) const QSTR_HASH_CACHE_SIZE: usize = 64;

/// How many backward jumps pass between two polls of the port: often
/// enough that Ctrl-C stops a loop at once, rare enough to cost nothing.
pub(crate) const INTERRUPT_POLL_INTERVAL: u32 = 64;

/// The address of a local in the caller's frame (this is always inlined):
/// the machine stack pointer, near enough. Taking an address is safe code.
#[inline(always)]
fn stack_pointer() -> usize {
    let marker = 0u8;
    core::hint::black_box(&marker) as *const u8 as usize
}

impl<'a> Vm<'a> {
    /// A VM over `heap_memory`, running `image` (a validated [`ImageView`]).
    pub fn new(heap_memory: &'a mut [u8], image: ImageView<'a>, port: &'a mut dyn Port, config: Config) -> R<Vm<'a>> {
        let mut vm = Vm {
            heap: Heap::new(heap_memory),
            image,
            port,
            config,
            gc: GcState {
                enabled: true,
                threshold: -1,
                allocated_since_collect: 0,
                allocated_before_collect: 0,
                peak_in_use: 0,
                locked: 0,
                collections: 0,
                last_freed: 0,
                compile_arena_lent: 0,
                compile_arena_peak: 0,
                compile_allocated_peak: 0,
            },
            roots: [Obj::NULL; MAX_ROOTS],
            root_count: 0,
            frame: Obj::NULL,
            exc: Obj::NULL,
            modules: Obj::NULL,
            ordered_dict_class: Obj::NULL,
            vfs_objects: Obj::NULL,
            builtins_override: Obj::NULL,
            repl_globals: Obj::NULL,
            flash_state: Obj::NULL,
            interrupts: Obj::NULL,
            schedule_pending: false,
            schedule_locked: false,
            timers_running: false,
            watchdog: None,
            compile_arena: Obj::NULL,
            console_last_newline: 0,
            repl_history: Obj::NULL,
            opt_level: 0,
            next_stop_iteration: Obj::NULL,
            stdin_peeked: None,
            qstr_pools: Obj::NULL,
            throw_pending: false,
            yield_sink_frame: Obj::NULL,
            yield_sink_target: Obj::NULL,
            call_depth: 0,
            native_depth: 0,
            handled: Obj::NULL,
            generator_yielded: false,
            random_state: [0; 4],
            stack_base: stack_pointer(),
            interrupt_poll_countdown: INTERRUPT_POLL_INTERVAL,
            qstr_hash_cache: [const { core::cell::Cell::new(0) }; QSTR_HASH_CACHE_SIZE],
            classes_may_intercept_stores: false,
            global_lookup_cache: [const { core::cell::Cell::new(0) }; GLOBAL_LOOKUP_CACHE_SIZE],
            instance_dict_hints: [const { core::cell::Cell::new((0, 0)) }; INSTANCE_DICT_HINTS],
            builtin_cache: [const { core::cell::Cell::new((0, 0)) }; BUILTIN_CACHE_SIZE],
            builtin_miss_cache: [const { core::cell::Cell::new((0, 0)) }; BUILTIN_CACHE_SIZE],
            dict_keys_version: 1,
            class_init_cache: [const { core::cell::Cell::new((0, 0, 0)) }; CLASS_INIT_CACHE_SIZE],
            qstr_operand_cache: [const { core::cell::Cell::new((0, 0)) }; QSTR_OPERAND_CACHE_SIZE],
            global_site_cache: empty_global_site_cache(),
            class_attr_cache: empty_class_attr_cache(),
            qstr_text_cache: [const { core::cell::Cell::new((0, 0, 0)) }; QSTR_TEXT_CACHE_SIZE],
            code_info_cache: empty_code_info_cache(),
            ascii_qstr_cache: [const { core::cell::Cell::new(0) }; 128],
        };
        vm.modules = vm.new_dict(8)?;
        vm.make_flash_state()?;
        Ok(vm)
    }

    // ---- memory -------------------------------------------------------

    /// The word at `address`, in whichever region it lies.
    pub fn word(&self, address: u32) -> u32 {
        // The heap is the usual case, and its one bounds check also turns
        // away the addresses below it (they wrap around past its end).
        if let Some(word) = self.heap.try_word(address) {
            word
        } else if address >= HEAP_BASE {
            0
        } else if address >= FLASH_BASE {
            self.image.word(address)
        } else if address >= STATIC_BASE {
            let offset = address - STATIC_BASE;
            static_word(offset / 16, (offset % 16) / 4)
        } else {
            0
        }
    }

    /// Word `index` of object `obj`.
    #[inline]
    pub fn get(&self, obj: Obj, index: u32) -> Obj {
        Obj(self.word(obj.0.wrapping_add(4 * index)))
    }

    /// Word `index` as a plain number.
    #[inline]
    pub fn get_u(&self, obj: Obj, index: u32) -> u32 {
        self.word(obj.0.wrapping_add(4 * index))
    }

    /// Sets word `index` of a heap object (writes elsewhere are ignored).
    pub fn set(&mut self, obj: Obj, index: u32, value: Obj) {
        self.heap.set_word(obj.0.wrapping_add(4 * index), value.0);
    }

    pub fn set_u(&mut self, obj: Obj, index: u32, value: u32) {
        self.heap.set_word(obj.0.wrapping_add(4 * index), value);
    }

    /// `len` bytes at `address` in any region (empty when out of range).
    pub fn bytes_at(&self, address: u32, len: usize) -> &[u8] {
        if address >= HEAP_BASE {
            self.heap.bytes(address, len)
        } else if address >= FLASH_BASE {
            self.image.slice(address, len)
        } else {
            &[]
        }
    }

    /// Copies `len` bytes from `from` (any region) to the heap address `to`.
    pub fn copy_bytes(&mut self, from: u32, to: u32, len: usize) {
        if len == 0 {
            return;
        }
        if from >= HEAP_BASE {
            self.heap.copy_within(from, to, len);
        } else {
            let image = self.image;
            let source = image.slice(from, len);
            let target = self.heap.bytes_mut(to, source.len());
            target.copy_from_slice(&source[..target.len()]);
        }
    }

    pub fn is_heap(&self, obj: Obj) -> bool {
        obj.is_ptr() && obj.0 >= HEAP_BASE
    }

    // ---- allocation ---------------------------------------------------

    /// Allocates an object of `words` words (zeroed), collecting if needed.
    pub fn alloc(&mut self, words: usize) -> R<Obj> {
        let bytes = words.max(1) * 4;
        if self.gc.locked > 0 {
            return Err(self.raise_memory_error());
        }
        if self.config.gc_stress
            || (self.gc.enabled
                && self.gc.threshold >= 0
                && self.gc.allocated_since_collect as i64 >= self.gc.threshold)
        {
            self.collect();
        }
        let address = match self.heap.alloc(bytes) {
            Some(address) => address,
            None => {
                if !self.gc.enabled {
                    return Err(self.raise_memory_error());
                }
                self.collect();
                match self.heap.alloc(bytes) {
                    Some(address) => address,
                    None => return Err(self.raise_memory_error()),
                }
            }
        };
        self.gc.allocated_since_collect += bytes.next_multiple_of(BYTES_PER_BLOCK);
        Ok(Obj(address))
    }

    /// Allocates an object whose word 0 is `type_id`'s type object.
    pub fn alloc_typed(&mut self, type_id: TypeId, words: usize) -> R<Obj> {
        let obj = self.alloc(words)?;
        self.set_u(obj, 0, type_id.addr());
        Ok(obj)
    }

    /// Frees a heap object at once (it must not be referenced any more).
    pub fn free(&mut self, obj: Obj) {
        if self.is_heap(obj) {
            self.heap.free(obj.0);
        }
    }

    /// Runs a full collection. Returns the number of allocations freed.
    pub fn collect(&mut self) -> usize {
        self.forget_ram_code_info();
        self.forget_class_inits();
        for entry in &self.qstr_operand_cache {
            entry.set((0, 0));
        }
        self.forget_global_sites();
        self.forget_class_attrs();
        for root in [
            self.frame,
            self.exc,
            self.modules,
            self.qstr_pools,
            self.handled,
            self.ordered_dict_class,
            self.vfs_objects,
            self.builtins_override,
            self.flash_state,
            self.interrupts,
            self.repl_globals,
            self.repl_history,
            self.next_stop_iteration,
        ] {
            self.heap.mark(root.0);
        }
        for index in 0..self.root_count {
            let root = self.roots[index];
            self.heap.mark(root.0);
        }
        self.heap.mark_leaf(self.compile_arena.0);
        self.heap.finish_marking();
        let freed = self.heap.sweep();
        self.gc.allocated_before_collect += self.gc.allocated_since_collect as u64;
        self.gc.allocated_since_collect = 0;
        self.gc.collections = self.gc.collections.wrapping_add(1);
        self.gc.last_freed = freed;
        freed
    }

    // ---- temporary roots ------------------------------------------------
    //
    // Native code that allocates while holding objects no frame or object
    // reaches must root them. The root stack is restored to its height on
    // entry whenever a native call returns and whenever a frame's handler
    // takes an exception (see `call_native` and the dispatch loop), so an
    // early `?` return cannot leak roots past the call that pushed them. New
    // code should use [`Vm::with_roots`] or [`Vm::root_scope`], which restore
    // the stack themselves on every exit.

    /// Protects `obj` from collection until the root stack is truncated below it.
    /// A full stack raises the preallocated `RuntimeError`, which needs no heap.
    pub fn push_root(&mut self, obj: Obj) -> R<()> {
        if self.root_count == MAX_ROOTS {
            return Err(self.raise_recursion_error());
        }
        self.roots[self.root_count] = obj;
        self.root_count += 1;
        Ok(())
    }

    /// Runs `body` with `objs` rooted, then restores the root stack, whether
    /// `body` returned a value or raised.
    pub fn with_roots<T>(&mut self, objs: &[Obj], body: impl FnOnce(&mut Self) -> R<T>) -> R<T> {
        self.root_scope(|vm| {
            for &obj in objs {
                vm.push_root(obj)?;
            }
            body(vm)
        })
    }

    /// Runs `body` and then restores the root stack to its height before the
    /// call, whatever `body` pushed and however it returned.
    pub fn root_scope<T>(&mut self, body: impl FnOnce(&mut Self) -> R<T>) -> R<T> {
        let mark = self.root_count;
        let result = body(self);
        self.pop_roots(mark);
        result
    }

    /// The current height of the root stack, to truncate to later.
    pub fn root_mark(&self) -> usize {
        self.root_count
    }

    /// Drops temporary roots down to `mark`.
    pub fn pop_roots(&mut self, mark: usize) {
        self.root_count = mark.min(self.root_count);
    }

    /// Replaces root `index` (from a mark) with `obj`.
    pub fn set_root(&mut self, index: usize, obj: Obj) {
        if index < self.root_count {
            self.roots[index] = obj;
        }
    }

    // ---- machine stack ------------------------------------------------

    /// Raises the preallocated `RuntimeError: maximum recursion depth
    /// exceeded` when the machine stack used since the VM was made passes the
    /// port's limit. Every native recursion (comparing, hashing, printing or
    /// serialising nested data, native code calling back into Python) checks
    /// it, so no Python program can overflow the machine stack.
    #[inline]
    pub fn check_stack(&mut self) -> R<()> {
        let used = self.stack_base.saturating_sub(stack_pointer());
        if used > self.config.stack_limit {
            return Err(self.raise_recursion_error());
        }
        Ok(())
    }

    /// Raises the preallocated `RuntimeError: maximum recursion depth exceeded` (it needs no heap).
    pub fn raise_recursion_error(&mut self) -> Raised {
        self.exc = Singleton::RecursionErrorInstance.obj();
        Raised
    }

    // ---- raising ------------------------------------------------------

    /// Raises `exc` (an exception instance).
    pub fn raise(&mut self, exc: Obj) -> Raised {
        self.exc = exc;
        Raised
    }

    /// Raises the preallocated `MemoryError` (it needs no heap).
    pub fn raise_memory_error(&mut self) -> Raised {
        self.exc = Singleton::MemoryErrorInstance.obj();
        Raised
    }

    /// Raises `type_id(message)`.
    pub fn raise_msg(&mut self, type_id: TypeId, message: &str) -> Raised {
        let exc = self.building_exception(|vm| {
            let text = vm.new_str(message.as_bytes())?;
            vm.new_exception(type_id.obj(), &[text])
        });
        match exc {
            Ok(exc) => self.raise(exc),
            Err(raised) => raised,
        }
    }

    /// Raises `type_id` with a formatted message.
    pub fn raise_fmt(&mut self, type_id: TypeId, args: core::fmt::Arguments<'_>) -> Raised {
        let exc = self.building_exception(|vm| {
            let text = vm.format_to_str(args)?;
            vm.new_exception(type_id.obj(), &[text])
        });
        match exc {
            Ok(exc) => self.raise(exc),
            Err(raised) => raised,
        }
    }

    /// Raises `type_id` with no arguments.
    pub fn raise_type(&mut self, type_id: TypeId) -> Raised {
        match self.building_exception(|vm| vm.new_exception(type_id.obj(), &[])) {
            Ok(exc) => self.raise(exc),
            Err(raised) => raised,
        }
    }

    /// Runs `build`, which makes an exception the VM raises itself, with
    /// the heap unlocked: a locked heap (`micropython.heap_lock`, a hard
    /// interrupt handler) still gets `NameError`, `TypeError` and the rest
    /// with their messages, as MicroPython's emergency exception buffer
    /// gives them (rime's lock is a rule for Python code, not a state in
    /// which allocating is unsafe). Exception objects made by calling an
    /// exception class and the tracebacks of raised exceptions are made
    /// the same way. A heap that is full still fails, and the caller
    /// raises `MemoryError` then.
    pub(crate) fn building_exception<T>(&mut self, build: impl FnOnce(&mut Self) -> R<T>) -> R<T> {
        let locked = core::mem::take(&mut self.gc.locked);
        let result = build(self);
        self.gc.locked = locked;
        result
    }

    /// Raises `TypeError: 'T' object <what>` with the type name of `obj`, as MicroPython words it.
    pub fn type_error_object(&mut self, obj: Obj, what: &str) -> Raised {
        self.raise_type_error_naming(obj, |name, vm| {
            vm.raise_fmt(TypeId::TypeError, format_args!("'{name}' object {what}"))
        })
    }

    /// Raises MicroPython's `TypeError: can't convert 'T' object to str implicitly`.
    pub fn type_error_for_implicit_str(&mut self, obj: Obj) -> Raised {
        self.raise_type_error_naming(obj, |name, vm| {
            vm.raise_fmt(TypeId::TypeError, format_args!("can't convert '{name}' object to str implicitly"))
        })
    }

    /// Raises MicroPython's `TypeError: can't convert TYPE to WHAT` for `obj`.
    pub fn cannot_convert(&mut self, obj: Obj, what: &str) -> Raised {
        let name = self.type_name(obj);
        let name_text = self.qstr_str_copy(Obj::qstr(name));
        self.raise_fmt(TypeId::TypeError, format_args!("can't convert {} to {what}", name_text.as_str()))
    }

    /// Raises `TypeError: can't convert/unsupported ...` with the type name of `obj`.
    pub fn type_error_for(&mut self, what: &str, obj: Obj) -> Raised {
        self.raise_type_error_naming(obj, |name, vm| vm.raise_fmt(TypeId::TypeError, format_args!("{what} '{name}'")))
    }

    /// Calls `raise` with the type name of `obj` copied out of the qstr
    /// pool (at most 64 bytes), so that raising may allocate.
    fn raise_type_error_naming(&mut self, obj: Obj, raise: impl FnOnce(&str, &mut Self) -> Raised) -> Raised {
        let name = self.type_name(obj);
        let mut buffer = [0u8; 64];
        let name_bytes = self.qstr_bytes(name);
        let len = name_bytes.len().min(buffer.len());
        buffer[..len].copy_from_slice(&name_bytes[..len]);
        raise(core::str::from_utf8(&buffer[..len]).unwrap_or("?"), self)
    }
}
