//! The `framebuf` module, as MicroPython's: `FrameBuffer(buffer, width,
//! height, format, stride=width)` over a writable buffer, the seven format
//! constants, and the drawing methods `fill`, `pixel`, `hline`, `vline`,
//! `fill_rect`, `rect`, `line`, `ellipse`, `poly`, `text`, `scroll` and
//! `blit`. The drawing itself is `framebuf_canvas`.
//!
//! `FrameBuffer` is a class made once by `Vm::native_module_class`, whose
//! namespace holds the methods as native functions. Display drivers derive from it
//! (`class SSD1306(framebuf.FrameBuffer)` calling
//! `super().__init__(self.buffer, ...)`), so an instance is an ordinary
//! instance with a dict, and `__init__` keeps the frame buffer's state
//! there, under a key that is not an identifier: the tuple `(buffer,
//! width, height, format, stride)`. Each method reads the state, checks the
//! buffer is still long enough, and draws into the buffer's bytes.

use crate::builtins::{check_args, Handler};
use crate::modules::framebuf_canvas::{self as canvas, Format, Geometry, GeometryError};
use crate::native::NativeModule;
use crate::obj::{Obj, TypeId};
use crate::vm::{Vm, R};

pub static MODULE: NativeModule = NativeModule {
    name: "framebuf",
    functions: FUNCTIONS,
    constants: &[
        ("MONO_VLSB", Obj::small(Format::MonoVlsb as i32)),
        ("MVLSB", Obj::small(Format::MonoVlsb as i32)),
        ("RGB565", Obj::small(Format::Rgb565 as i32)),
        ("GS4_HMSB", Obj::small(Format::Gs4Hmsb as i32)),
        ("MONO_HLSB", Obj::small(Format::MonoHlsb as i32)),
        ("MONO_HMSB", Obj::small(Format::MonoHmsb as i32)),
        ("GS2_HMSB", Obj::small(Format::Gs2Hmsb as i32)),
        ("GS8", Obj::small(Format::Gs8 as i32)),
    ],
    attr: Some(module_attr),
};

/// Entry 0 is the legacy `FrameBuffer1`; the others are the methods of the
/// `FrameBuffer` class, which `framebuffer_class` puts in its namespace.
static FUNCTIONS: &[(&str, Handler)] = &[
    ("FrameBuffer1", frame_buffer_1),
    ("__init__", init),
    ("fill", fill),
    ("pixel", pixel),
    ("hline", hline),
    ("vline", vline),
    ("fill_rect", fill_rect),
    ("rect", rect),
    ("line", line),
    ("ellipse", ellipse),
    ("poly", poly),
    ("text", text),
    ("scroll", scroll),
    ("blit", blit),
];

/// The dict key of an instance's state (not an identifier, so no
/// attribute a subclass sets can meet it).
const STATE_KEY: &[u8] = b"framebuf state";

/// The most vertices `poly` fills (its scanline nodes live on the stack).
const MAX_FILLED_VERTICES: usize = 256;

fn module_attr(vm: &mut Vm<'_>, name: u32) -> R<Option<Obj>> {
    if vm.qstr_bytes(name) == b"FrameBuffer" {
        return framebuffer_class(vm).map(Some);
    }
    Ok(None)
}

/// The `FrameBuffer` class, made on first use.
fn framebuffer_class(vm: &mut Vm<'_>) -> R<Obj> {
    vm.native_module_class(&MODULE, "FrameBuffer", 1)
}

/// Raises `ValueError` as MicroPython's constructor does for a geometry.
fn geometry_error(vm: &mut Vm<'_>, error: GeometryError) -> crate::vm::Raised {
    match error {
        GeometryError::Format => vm.raise_msg(TypeId::ValueError, "invalid format"),
        GeometryError::Invalid => value_error(vm),
    }
}

/// `ValueError()` without a message, as MicroPython raises for sizes.
fn value_error(vm: &mut Vm<'_>) -> crate::vm::Raised {
    match vm.new_exception(TypeId::ValueError.obj(), &[]) {
        Ok(exc) => vm.raise(exc),
        Err(raised) => raised,
    }
}

/// Checks `buffer` holds `geometry` and returns the geometry.
fn check_buffer(vm: &mut Vm<'_>, buffer: Obj, geometry: Geometry) -> R<Geometry> {
    if !vm.is_writable_buffer(buffer) {
        return Err(vm.raise_msg(TypeId::TypeError, "object with buffer protocol required"));
    }
    if geometry.bytes_needed() > vm.str_len(buffer) {
        return Err(value_error(vm));
    }
    Ok(geometry)
}

/// The geometry of `FrameBuffer(buffer, width, height, format, stride)`.
fn parse_geometry(vm: &mut Vm<'_>, args: &[Obj]) -> R<Geometry> {
    let width = vm.to_i64(args[1])?;
    let height = vm.to_i64(args[2])?;
    let format = vm.to_i64(args[3])?;
    let stride = match args.get(4) {
        Some(&stride) => vm.to_i64(stride)?,
        None => width,
    };
    let geometry = Geometry::new(width, height, format, stride).map_err(|error| geometry_error(vm, error))?;
    check_buffer(vm, args[0], geometry)
}

/// `FrameBuffer.__init__(self, buffer, width, height, format, stride=width)`.
fn init(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 5, 6)?;
    let geometry = parse_geometry(vm, &args[1..])?;
    let state = vm.new_tuple(&[
        args[1],
        Obj::small(geometry.width),
        Obj::small(geometry.height),
        Obj::small(geometry.format as i32),
        Obj::small(geometry.stride),
    ])?;
    vm.with_roots(&[state], |vm| {
        let key = vm.intern_bytes(STATE_KEY)?;
        vm.store_attr_with(args[0], key, state, false)
    })?;
    Ok(Obj::NONE)
}

/// `FrameBuffer1(buffer, width, height, stride=width)`: a `MONO_VLSB`
/// frame buffer, MicroPython's legacy constructor.
fn frame_buffer_1(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 3, 4)?;
    let class = framebuffer_class(vm)?;
    let mut full = [Obj::NONE, args[0], args[1], args[2], Obj::small(Format::MonoVlsb as i32), args[1]];
    if let Some(&stride) = args.get(3) {
        full[5] = stride;
    }
    vm.with_roots(&[class], |vm| {
        let instance = vm.new_instance(class, &[], &[])?;
        full[0] = instance;
        vm.with_roots(&[instance], |vm| {
            init(vm, &full, &[])?;
            Ok(instance)
        })
    })
}

/// A frame buffer's buffer and geometry, from its state; anything else
/// (such as a tuple `(buffer, width, height, format[, stride])`, which
/// `blit` accepts as its source) is read as MicroPython reads it.
fn frame(vm: &mut Vm<'_>, this: Obj) -> R<(Obj, Geometry)> {
    if vm.native_type(this) == TypeId::Tuple {
        let len = vm.tuple_len(this);
        if !(4..=5).contains(&len) {
            return Err(vm.raise_msg(TypeId::ValueError, "invalid source"));
        }
        let items: [Obj; 5] = core::array::from_fn(|index| {
            if (index as u32) < len {
                vm.tuple_item(this, index as u32)
            } else {
                vm.tuple_item(this, 1)
            }
        });
        let width = vm.to_i64(items[1])?;
        let height = vm.to_i64(items[2])?;
        let format = vm.to_i64(items[3])?;
        let stride = vm.to_i64(items[4])?;
        let geometry = Geometry::new(width, height, format, stride).map_err(|error| geometry_error(vm, error))?;
        if geometry.bytes_needed() > vm.str_len(items[0]) || !(vm.is_bytes_like(items[0]) || vm.is_writable_buffer(items[0])) {
            return Err(value_error(vm));
        }
        return Ok((items[0], geometry));
    }
    let key = vm.intern_bytes(STATE_KEY)?;
    let state = match vm.load_attr(this, key) {
        Ok(state) => state,
        Err(_) => return Err(vm.raise_msg(TypeId::TypeError, "expected a FrameBuffer")),
    };
    if vm.native_type(state) != TypeId::Tuple || vm.tuple_len(state) != 5 {
        return Err(vm.raise_msg(TypeId::TypeError, "expected a FrameBuffer"));
    }
    let buffer = vm.tuple_item(state, 0);
    let format = Format::from_code(i64::from(vm.tuple_item(state, 3).small_value()));
    let geometry = Geometry {
        width: vm.tuple_item(state, 1).small_value(),
        height: vm.tuple_item(state, 2).small_value(),
        stride: vm.tuple_item(state, 4).small_value(),
        format: format.unwrap_or(Format::MonoVlsb),
    };
    // The buffer may have shrunk since (a bytearray can): draw nothing then.
    if geometry.bytes_needed() > vm.str_len(buffer) {
        return Err(value_error(vm));
    }
    Ok((buffer, geometry))
}

/// Runs `draw` over the bytes of `buffer`.
fn draw(vm: &mut Vm<'_>, buffer: Obj, draw: impl FnOnce(&mut [u8])) {
    let address = vm.bytes_data_address(buffer);
    let len = vm.str_len(buffer);
    draw(vm.heap.bytes_mut(address, len));
}

/// The ints of `args[from..from + N]`, as C ints of MicroPython's width.
fn ints<const N: usize>(vm: &mut Vm<'_>, args: &[Obj], from: usize) -> R<[i32; N]> {
    let mut values = [0i32; N];
    for (index, value) in values.iter_mut().enumerate() {
        *value = vm.to_i64(args[from + index])? as i32;
    }
    Ok(values)
}

fn fill(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    let (buffer, geometry) = frame(vm, args[0])?;
    let [colour] = ints::<1>(vm, args, 1)?;
    draw(vm, buffer, |bytes| {
        canvas::fill_rect(bytes, &geometry, 0, 0, geometry.width, geometry.height, colour as u32)
    });
    Ok(Obj::NONE)
}

fn pixel(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 3, 4)?;
    let (buffer, geometry) = frame(vm, args[0])?;
    let [x, y] = ints::<2>(vm, args, 1)?;
    if !(0 <= x && x < geometry.width && 0 <= y && y < geometry.height) {
        return Ok(Obj::NONE);
    }
    if args.len() == 3 {
        let colour = canvas::get_pixel(vm.str_bytes(buffer), &geometry, x, y);
        return vm.new_int(i64::from(colour));
    }
    let [colour] = ints::<1>(vm, args, 3)?;
    draw(vm, buffer, |bytes| canvas::set_pixel(bytes, &geometry, x, y, colour as u32));
    Ok(Obj::NONE)
}

fn hline(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 5, 5)?;
    let (buffer, geometry) = frame(vm, args[0])?;
    let [x, y, width, colour] = ints::<4>(vm, args, 1)?;
    draw(vm, buffer, |bytes| canvas::fill_rect(bytes, &geometry, x, y, width, 1, colour as u32));
    Ok(Obj::NONE)
}

fn vline(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 5, 5)?;
    let (buffer, geometry) = frame(vm, args[0])?;
    let [x, y, height, colour] = ints::<4>(vm, args, 1)?;
    draw(vm, buffer, |bytes| canvas::fill_rect(bytes, &geometry, x, y, 1, height, colour as u32));
    Ok(Obj::NONE)
}

fn fill_rect(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 6, 6)?;
    let (buffer, geometry) = frame(vm, args[0])?;
    let [x, y, width, height, colour] = ints::<5>(vm, args, 1)?;
    draw(vm, buffer, |bytes| canvas::fill_rect(bytes, &geometry, x, y, width, height, colour as u32));
    Ok(Obj::NONE)
}

/// `rect(x, y, w, h, c[, f])`: the outline, or filled when `f` is true.
fn rect(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 6, 7)?;
    let (buffer, geometry) = frame(vm, args[0])?;
    let [x, y, width, height, colour] = ints::<5>(vm, args, 1)?;
    let filled = match args.get(6) {
        Some(&flag) => vm.truthy(flag)?,
        None => false,
    };
    let colour = colour as u32;
    draw(vm, buffer, |bytes| {
        if filled {
            canvas::fill_rect(bytes, &geometry, x, y, width, height, colour);
        } else {
            canvas::fill_rect(bytes, &geometry, x, y, width, 1, colour);
            canvas::fill_rect(bytes, &geometry, x, y.wrapping_add(height).wrapping_sub(1), width, 1, colour);
            canvas::fill_rect(bytes, &geometry, x, y, 1, height, colour);
            canvas::fill_rect(bytes, &geometry, x.wrapping_add(width).wrapping_sub(1), y, 1, height, colour);
        }
    });
    Ok(Obj::NONE)
}

/// The largest coordinate or radius the drawing methods that walk point
/// by point or add to a position (`line`, `ellipse`, `poly`, `blit`,
/// `text`) take: far beyond any frame buffer (at most
/// 65535 pixels a side), and small enough that no call runs for long or
/// overflows its arithmetic.
const MAX_COORDINATE: i32 = 1 << 20;

/// [`ints`] for coordinates: `ValueError` beyond ±[`MAX_COORDINATE`].
fn coordinates<const N: usize>(vm: &mut Vm<'_>, args: &[Obj], from: usize) -> R<[i32; N]> {
    let mut values = [0i32; N];
    for (index, value) in values.iter_mut().enumerate() {
        *value = checked_coordinate(vm, args[from + index])?;
    }
    Ok(values)
}

fn checked_coordinate(vm: &mut Vm<'_>, value: Obj) -> R<i32> {
    let value = vm.to_i64(value)?;
    if value.unsigned_abs() > MAX_COORDINATE as u64 {
        return Err(vm.raise_msg(TypeId::ValueError, "coordinate out of range"));
    }
    Ok(value as i32)
}

fn line(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 6, 6)?;
    let (buffer, geometry) = frame(vm, args[0])?;
    let [x1, y1, x2, y2] = coordinates::<4>(vm, args, 1)?;
    let [colour] = ints::<1>(vm, args, 5)?;
    draw(vm, buffer, |bytes| canvas::line(bytes, &geometry, x1, y1, x2, y2, colour as u32));
    Ok(Obj::NONE)
}

/// `ellipse(x, y, xr, yr, c[, f[, m]])`.
fn ellipse(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 6, 8)?;
    let (buffer, geometry) = frame(vm, args[0])?;
    let [x, y, x_radius, y_radius] = coordinates::<4>(vm, args, 1)?;
    let [colour] = ints::<1>(vm, args, 5)?;
    let mut mask = match args.get(6) {
        Some(&flag) if vm.truthy(flag)? => canvas::ELLIPSE_FILL,
        _ => 0,
    };
    mask |= match args.get(7) {
        Some(&quadrants) => vm.to_i64(quadrants)? as u32 & canvas::ELLIPSE_ALL_QUADRANTS,
        None => canvas::ELLIPSE_ALL_QUADRANTS,
    };
    draw(vm, buffer, |bytes| canvas::ellipse(bytes, &geometry, x, y, x_radius, y_radius, colour as u32, mask));
    Ok(Obj::NONE)
}

/// The vertex coordinates of `poly`'s array (any typecode) or bytes.
fn coordinate(vm: &mut Vm<'_>, coordinates: Obj, index: usize) -> R<i32> {
    if vm.native_type(coordinates) == TypeId::Array {
        let item = vm.array_get(coordinates, Obj::small(index as i32))?;
        return checked_coordinate(vm, item);
    }
    Ok(i32::from(vm.str_bytes(coordinates).get(index).copied().unwrap_or(0)))
}

/// `poly(x, y, coords, c[, f])`: the outline through the vertices of the
/// array `coords` (x and y alternating), or filled by scanlines: on each
/// row, the points where edges cross it, sorted, filled in pairs.
fn poly(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 5, 6)?;
    let (buffer, geometry) = frame(vm, args[0])?;
    let [x, y] = coordinates::<2>(vm, args, 1)?;
    let coordinates = args[3];
    let count = match vm.native_type(coordinates) {
        TypeId::Array => vm.array_len(coordinates),
        _ if vm.is_bytes_like(coordinates) => vm.str_len(coordinates),
        _ => return Err(vm.raise_msg(TypeId::TypeError, "object with buffer protocol required")),
    } / 2;
    if count == 0 {
        return Ok(Obj::NONE);
    }
    let [colour] = ints::<1>(vm, args, 4)?;
    let colour = colour as u32;
    let filled = match args.get(5) {
        Some(&flag) => vm.truthy(flag)?,
        None => false,
    };
    let vertex = |vm: &mut Vm<'_>, index: usize| -> R<(i32, i32)> {
        Ok((coordinate(vm, coordinates, 2 * index)?, coordinate(vm, coordinates, 2 * index + 1)?))
    };
    if !filled {
        // Each edge from a vertex to the one before it, the first's to the last.
        let mut from = vertex(vm, 0)?;
        for index in (0..count).rev() {
            let to = vertex(vm, index)?;
            draw(vm, buffer, |bytes| canvas::line(bytes, &geometry, x + from.0, y + from.1, x + to.0, y + to.1, colour));
            from = to;
        }
        return Ok(Obj::NONE);
    }
    if count > MAX_FILLED_VERTICES {
        return Err(vm.raise_msg(TypeId::ValueError, "too many vertices to fill"));
    }
    let (mut top, mut bottom) = (i32::MAX, i32::MIN);
    for index in 0..count {
        let (_, vertex_y) = vertex(vm, index)?;
        top = top.min(vertex_y);
        bottom = bottom.max(vertex_y);
    }
    let mut nodes = [0i32; MAX_FILLED_VERTICES];
    // Rows outside the buffer draw nothing, so they are not walked.
    for row in top.max(-y)..=bottom.min(geometry.height - 1 - y) {
        let mut node_count = 0;
        let mut from = vertex(vm, 0)?;
        for index in (0..count).rev() {
            let to = vertex(vm, index)?;
            let ((x1, y1), (x2, y2)) = (from, to);
            if y1 != y2 && ((y1 > row && y2 <= row) || (y1 <= row && y2 > row)) {
                // Where the edge crosses the row, rounded to the nearest
                // pixel in 1/32ths as MicroPython does (C division truncates).
                let crossing = (32 * i64::from(x1) + 32 * i64::from(x2 - x1) * i64::from(row - y1) / i64::from(y2 - y1)
                    + 16)
                    / 32;
                nodes[node_count] = crossing as i32;
                node_count += 1;
            } else if row == y1.max(y2) {
                // A horizontal edge or a lowest vertex: drawn on its own.
                draw(vm, buffer, |bytes| {
                    if y1 < y2 {
                        canvas::set_pixel_clipped(bytes, &geometry, x + x2, y + y2, colour);
                    } else if y2 < y1 {
                        canvas::set_pixel_clipped(bytes, &geometry, x + x1, y + y1, colour);
                    } else {
                        canvas::line(bytes, &geometry, x + x1, y + y1, x + x2, y + y2, colour);
                    }
                });
            }
            from = to;
        }
        let nodes = &mut nodes[..node_count];
        nodes.sort_unstable();
        draw(vm, buffer, |bytes| {
            for pair in nodes.chunks(2) {
                if let [left, right] = *pair {
                    canvas::fill_rect(bytes, &geometry, x + left, y + row, right - left + 1, 1, colour);
                }
            }
        });
    }
    Ok(Obj::NONE)
}

/// `text(s, x, y[, c])`: each byte of the str one glyph.
fn text(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 4, 5)?;
    let (buffer, geometry) = frame(vm, args[0])?;
    if !vm.is_str(args[1]) {
        return Err(vm.type_error_for("can't convert to str implicitly:", args[1]));
    }
    let [x, y] = coordinates::<2>(vm, args, 2)?;
    let colour = match args.get(4) {
        Some(&colour) => vm.to_i64(colour)? as u32,
        None => 1,
    };
    // The text is copied out in pieces: the heap is borrowed for drawing.
    let len = vm.str_len(args[1]);
    let mut chunk = [0u8; 32];
    let mut offset = 0;
    while offset < len {
        let count = (len - offset).min(chunk.len());
        chunk[..count].copy_from_slice(&vm.str_bytes(args[1])[offset..offset + count]);
        let start_x = x.saturating_add(8 * offset as i32);
        draw(vm, buffer, |bytes| canvas::text(bytes, &geometry, &chunk[..count], start_x, y, colour));
        offset += count;
    }
    Ok(Obj::NONE)
}

fn scroll(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 3, 3)?;
    let (buffer, geometry) = frame(vm, args[0])?;
    let [dx, dy] = ints::<2>(vm, args, 1)?;
    draw(vm, buffer, |bytes| canvas::scroll(bytes, &geometry, dx, dy));
    Ok(Obj::NONE)
}

/// `blit(source, x, y[, key[, palette]])`: copies `source` (a frame buffer
/// or a tuple `(buffer, width, height, format[, stride])`) with its top left
/// corner at (`x`, `y`), skipping pixels of colour `key`, each colour
/// mapped through the first row of `palette` when one is given.
fn blit(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 4, 6)?;
    let (buffer, geometry) = frame(vm, args[0])?;
    let (source, source_geometry) = frame(vm, args[1])?;
    let [x, y] = coordinates::<2>(vm, args, 2)?;
    let key = match args.get(4) {
        Some(&key) => vm.to_i64(key)? as u32,
        None => u32::MAX,
    };
    let palette = match args.get(5) {
        Some(&palette) if palette != Obj::NONE => Some(frame(vm, palette)?),
        _ => None,
    };
    if x >= geometry.width || y >= geometry.height || -x >= source_geometry.width || -y >= source_geometry.height {
        return Ok(Obj::NONE);
    }
    let x_end = geometry.width.min(x + source_geometry.width);
    let y_end = geometry.height.min(y + source_geometry.height);
    for row in y.max(0)..y_end {
        for column in x.max(0)..x_end {
            let mut colour = canvas::get_pixel(vm.str_bytes(source), &source_geometry, column - x, row - y);
            if let Some((palette, palette_geometry)) = palette {
                // MicroPython reads the palette at (colour, 0) unchecked; out
                // of its range this reads as 0 here.
                colour = if (colour as i64) < i64::from(palette_geometry.width) {
                    canvas::get_pixel(vm.str_bytes(palette), &palette_geometry, colour as i32, 0)
                } else {
                    0
                };
            }
            if colour != key {
                draw(vm, buffer, |bytes| canvas::set_pixel(bytes, &geometry, column, row, colour));
            }
        }
    }
    Ok(Obj::NONE)
}
