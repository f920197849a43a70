//! The drawing behind `framebuf`: pixels of the seven formats MicroPython's
//! `framebuf` module knows, in a byte slice, and the shapes drawn with
//! them. It knows nothing of the VM, so every function takes the bytes and
//! the [`Geometry`] that describes them; `modules::framebuf` is the Python
//! surface over it.
//!
//! Each shape draws the pixels MicroPython's draws (its tests in
//! `tests/py/modules/framebuf_*.py` compare buffers with MicroPython 1.27's):
//! lines by Bresenham's algorithm stepping along the longer axis, ellipses
//! by Kennedy's two-region midpoint algorithm, filled polygons by scanlines
//! through the edges' midpoints, text in MicroPython's 8×8 font.
//!
//! No index leaves the slice: the constructor checks the slice is long
//! enough for the geometry, and the pixel accessors skip what lies outside
//! it, so a wrong geometry can only draw nothing.

/// A pixel format, numbered as MicroPython's `framebuf` constants.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One bit per pixel, bytes are vertical strips of 8 pixels, LSB on top.
    MonoVlsb = 0,
    /// 16-bit colour, one little-endian halfword per pixel.
    Rgb565 = 1,
    /// Four bits per pixel, the left pixel in the high nibble.
    Gs4Hmsb = 2,
    /// One bit per pixel, bytes are horizontal, MSB on the left.
    MonoHlsb = 3,
    /// One bit per pixel, bytes are horizontal, LSB on the left.
    MonoHmsb = 4,
    /// Two bits per pixel, the left pixel in the low bits.
    Gs2Hmsb = 5,
    /// One byte per pixel.
    Gs8 = 6,
}

impl Format {
    pub fn from_code(code: i64) -> Option<Format> {
        Some(match code {
            0 => Format::MonoVlsb,
            1 => Format::Rgb565,
            2 => Format::Gs4Hmsb,
            3 => Format::MonoHlsb,
            4 => Format::MonoHmsb,
            5 => Format::Gs2Hmsb,
            6 => Format::Gs8,
            _ => return None,
        })
    }
}

/// Why a geometry cannot be made: MicroPython raises `ValueError` with no
/// message for the first and `ValueError: invalid format` for the second.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GeometryError {
    Invalid,
    Format,
}

/// The size and layout of a frame buffer's pixels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Geometry {
    pub width: i32,
    pub height: i32,
    /// Pixels from one row's start to the next (rounded up as the format needs).
    pub stride: i32,
    pub format: Format,
}

impl Geometry {
    /// A geometry as MicroPython's constructor checks it: sizes 1 to 65535,
    /// a stride of at least the width, rounded up to whole bytes for the
    /// formats with several pixels per byte in a row.
    pub fn new(width: i64, height: i64, format_code: i64, stride: i64) -> Result<Geometry, GeometryError> {
        if width < 1 || height < 1 || width > 0xffff || height > 0xffff || stride > 0xffff || stride < width {
            return Err(GeometryError::Invalid);
        }
        let format = Format::from_code(format_code).ok_or(GeometryError::Format)?;
        let stride = match format {
            Format::MonoHlsb | Format::MonoHmsb => (stride + 7) & !7,
            Format::Gs2Hmsb => (stride + 3) & !3,
            Format::Gs4Hmsb => (stride + 1) & !1,
            _ => stride,
        };
        Ok(Geometry { width: width as i32, height: height as i32, stride: stride as i32, format })
    }

    /// The bytes a buffer needs for this geometry: every row but the last
    /// (or last strip of 8 rows) at the stride, the last at the width.
    pub fn bytes_needed(&self) -> usize {
        let (width, height, stride) = (self.width as usize, self.height as usize, self.stride as usize);
        let (bits, rows, last_rows, last_width) = match self.format {
            Format::MonoVlsb => {
                let rounded = (height + 7) & !7;
                (1, rounded - 8, 8, width)
            }
            Format::MonoHlsb | Format::MonoHmsb => (1, height - 1, 1, (width + 7) & !7),
            Format::Gs2Hmsb => (2, height - 1, 1, (width + 3) & !3),
            Format::Gs4Hmsb => (4, height - 1, 1, (width + 1) & !1),
            Format::Gs8 => (8, height - 1, 1, width),
            Format::Rgb565 => (16, height - 1, 1, width),
        };
        (rows * stride + last_rows * last_width) * bits / 8
    }

    fn contains(&self, x: i32, y: i32) -> bool {
        0 <= x && x < self.width && 0 <= y && y < self.height
    }
}

/// The colour of pixel (`x`, `y`), which must be inside the geometry.
pub fn get_pixel(bytes: &[u8], geometry: &Geometry, x: i32, y: i32) -> u32 {
    let (x, y, stride) = (x as usize, y as usize, geometry.stride as usize);
    let byte = |index: usize| u32::from(bytes.get(index).copied().unwrap_or(0));
    match geometry.format {
        Format::MonoVlsb => (byte((y >> 3) * stride + x) >> (y & 7)) & 1,
        Format::MonoHlsb => (byte((x + y * stride) >> 3) >> (7 - (x & 7))) & 1,
        Format::MonoHmsb => (byte((x + y * stride) >> 3) >> (x & 7)) & 1,
        Format::Gs2Hmsb => (byte((x + y * stride) >> 2) >> ((x & 3) << 1)) & 3,
        Format::Gs4Hmsb => {
            let pair = byte((x + y * stride) >> 1);
            if x % 2 == 1 {
                pair & 0x0f
            } else {
                pair >> 4
            }
        }
        Format::Gs8 => byte(x + y * stride),
        Format::Rgb565 => {
            let index = 2 * (x + y * stride);
            byte(index) | byte(index + 1) << 8
        }
    }
}

/// Sets pixel (`x`, `y`), which must be inside the geometry, to `colour`
/// (cut to the format's bits).
pub fn set_pixel(bytes: &mut [u8], geometry: &Geometry, x: i32, y: i32, colour: u32) {
    let (x, y, stride) = (x as usize, y as usize, geometry.stride as usize);
    let set_bits = |bytes: &mut [u8], index: usize, shift: usize, mask: u8, value: u32| {
        if let Some(byte) = bytes.get_mut(index) {
            *byte = (*byte & !(mask << shift)) | (((value as u8) & mask) << shift);
        }
    };
    let on = u32::from(colour != 0);
    match geometry.format {
        Format::MonoVlsb => set_bits(bytes, (y >> 3) * stride + x, y & 7, 1, on),
        Format::MonoHlsb => set_bits(bytes, (x + y * stride) >> 3, 7 - (x & 7), 1, on),
        Format::MonoHmsb => set_bits(bytes, (x + y * stride) >> 3, x & 7, 1, on),
        Format::Gs2Hmsb => set_bits(bytes, (x + y * stride) >> 2, (x & 3) << 1, 3, colour),
        Format::Gs4Hmsb => set_bits(bytes, (x + y * stride) >> 1, if x % 2 == 1 { 0 } else { 4 }, 0x0f, colour),
        Format::Gs8 => set_bits(bytes, x + y * stride, 0, 0xff, colour),
        Format::Rgb565 => {
            let index = 2 * (x + y * stride);
            set_bits(bytes, index, 0, 0xff, colour);
            set_bits(bytes, index + 1, 0, 0xff, colour >> 8);
        }
    }
}

/// Sets pixel (`x`, `y`) when it is inside the geometry.
pub fn set_pixel_clipped(bytes: &mut [u8], geometry: &Geometry, x: i32, y: i32, colour: u32) {
    if geometry.contains(x, y) {
        set_pixel(bytes, geometry, x, y, colour);
    }
}

/// Fills the part of the rectangle at (`x`, `y`) of `width` × `height`
/// pixels that lies inside the geometry.
pub fn fill_rect(bytes: &mut [u8], geometry: &Geometry, x: i32, y: i32, width: i32, height: i32, colour: u32) {
    if height < 1
        || width < 1
        || x.saturating_add(width) <= 0
        || y.saturating_add(height) <= 0
        || y >= geometry.height
        || x >= geometry.width
    {
        return;
    }
    let x_end = geometry.width.min(x.saturating_add(width));
    let y_end = geometry.height.min(y.saturating_add(height));
    for row in y.max(0)..y_end {
        for column in x.max(0)..x_end {
            set_pixel(bytes, geometry, column, row, colour);
        }
    }
}

/// A line from (`x1`, `y1`) to (`x2`, `y2`), both ends included: one pixel
/// per step along the longer axis, the other coordinate advancing whenever
/// the error term allows (Bresenham).
pub fn line(bytes: &mut [u8], geometry: &Geometry, x1: i32, y1: i32, x2: i32, y2: i32, colour: u32) {
    let (mut x, mut y) = (x1, y1);
    let (mut dx, mut step_x) = if x2 - x1 > 0 { (x2 - x1, 1) } else { (x1 - x2, -1) };
    let (mut dy, mut step_y) = if y2 - y1 > 0 { (y2 - y1, 1) } else { (y1 - y2, -1) };
    let steep = dy > dx;
    if steep {
        core::mem::swap(&mut x, &mut y);
        core::mem::swap(&mut dx, &mut dy);
        core::mem::swap(&mut step_x, &mut step_y);
    }
    let mut error = 2 * dy - dx;
    for _ in 0..dx {
        if steep {
            set_pixel_clipped(bytes, geometry, y, x, colour);
        } else {
            set_pixel_clipped(bytes, geometry, x, y, colour);
        }
        while error >= 0 {
            y += step_y;
            error -= 2 * dx;
        }
        x += step_x;
        error += 2 * dy;
    }
    set_pixel_clipped(bytes, geometry, x2, y2, colour);
}

/// Quadrant bits of an ellipse's mask (as MicroPython numbers them:
/// 1 top right, 2 top left, 4 bottom left, 8 bottom right) and the fill bit.
pub const ELLIPSE_ALL_QUADRANTS: u32 = 0x0f;
pub const ELLIPSE_FILL: u32 = 0x10;

/// The four mirror images of the ellipse point (`x`, `y`) around the
/// centre, in the quadrants of `mask`: pixels, or with `ELLIPSE_FILL` the
/// row from the centre's column out to each.
fn ellipse_points(bytes: &mut [u8], geometry: &Geometry, centre: (i32, i32), x: i32, y: i32, colour: u32, mask: u32) {
    let (cx, cy) = centre;
    if mask & ELLIPSE_FILL != 0 {
        let rows = [(0x1, cx, cy - y), (0x2, cx - x, cy - y), (0x4, cx - x, cy + y), (0x8, cx, cy + y)];
        for (quadrant, left, row) in rows {
            if mask & quadrant != 0 {
                fill_rect(bytes, geometry, left, row, x + 1, 1, colour);
            }
        }
    } else {
        let points = [(0x1, cx + x, cy - y), (0x2, cx - x, cy - y), (0x4, cx - x, cy + y), (0x8, cx + x, cy + y)];
        for (quadrant, px, py) in points {
            if mask & quadrant != 0 {
                set_pixel_clipped(bytes, geometry, px, py, colour);
            }
        }
    }
}

/// An ellipse centred at (`cx`, `cy`) with radii `rx` and `ry`, drawn in
/// two regions: from the end of the x axis while the curve is steep, then
/// from the end of the y axis while it is flat (Kennedy's midpoint method).
#[allow(clippy::too_many_arguments)]
pub fn ellipse(bytes: &mut [u8], geometry: &Geometry, cx: i32, cy: i32, rx: i32, ry: i32, colour: u32, mask: u32) {
    if rx == 0 && ry == 0 {
        if mask & ELLIPSE_ALL_QUADRANTS != 0 {
            set_pixel_clipped(bytes, geometry, cx, cy, colour);
        }
        return;
    }
    // 64-bit terms: the squares of radii up to 65535 overflow 32 bits.
    let (a, b) = (i64::from(rx), i64::from(ry));
    let (two_a_square, two_b_square) = (2 * a * a, 2 * b * b);
    let (mut x, mut y) = (a, 0i64);
    let (mut x_change, mut y_change) = (b * b * (1 - 2 * a), a * a);
    let mut error = 0i64;
    let (mut stop_x, mut stop_y) = (two_b_square * a, 0i64);
    while stop_x >= stop_y {
        ellipse_points(bytes, geometry, (cx, cy), x as i32, y as i32, colour, mask);
        y += 1;
        stop_y += two_a_square;
        error += y_change;
        y_change += two_a_square;
        if 2 * error + x_change > 0 {
            x -= 1;
            stop_x -= two_b_square;
            error += x_change;
            x_change += two_b_square;
        }
    }
    let (mut x, mut y) = (0i64, b);
    let (mut x_change, mut y_change) = (b * b, a * a * (1 - 2 * b));
    let mut error = 0i64;
    let (mut stop_x, mut stop_y) = (0i64, two_a_square * b);
    while stop_x <= stop_y {
        ellipse_points(bytes, geometry, (cx, cy), x as i32, y as i32, colour, mask);
        x += 1;
        stop_x += two_b_square;
        error += x_change;
        x_change += two_b_square;
        if 2 * error + y_change > 0 {
            y -= 1;
            stop_y -= two_a_square;
            error += y_change;
            y_change += two_a_square;
        }
    }
}

/// Moves the picture by (`dx`, `dy`) pixels; the pixels nothing moves onto
/// keep their colour, as in MicroPython.
pub fn scroll(bytes: &mut [u8], geometry: &Geometry, dx: i32, dy: i32) {
    if dx.unsigned_abs() >= geometry.width as u32 || dy.unsigned_abs() >= geometry.height as u32 {
        return;
    }
    // Walk away from the direction of the move, so every pixel is read
    // before it is overwritten.
    let columns: (i32, i32, i32) = if dx < 0 { (0, geometry.width + dx, 1) } else { (geometry.width - 1, dx - 1, -1) };
    let rows: (i32, i32, i32) = if dy < 0 { (0, geometry.height + dy, 1) } else { (geometry.height - 1, dy - 1, -1) };
    let mut y = rows.0;
    while y != rows.1 {
        let mut x = columns.0;
        while x != columns.1 {
            let colour = get_pixel(bytes, geometry, x - dx, y - dy);
            set_pixel(bytes, geometry, x, y, colour);
            x += columns.2;
        }
        y += rows.2;
    }
}

/// Draws `text` with its top left corner at (`x`, `y`): each byte one 8×8
/// glyph of [`FONT_8X8`] (bytes outside 32–127 draw glyph 127), only its
/// set pixels in `colour`.
pub fn text(bytes: &mut [u8], geometry: &Geometry, text: &[u8], x: i32, y: i32, colour: u32) {
    let mut column_x = x;
    for &character in text {
        let glyph = if (32..=127).contains(&character) { character } else { 127 };
        let start = 8 * usize::from(glyph - 32);
        for &column in &FONT_8X8[start..start + 8] {
            if 0 <= column_x && column_x < geometry.width {
                for bit in 0..8 {
                    if column >> bit & 1 != 0 {
                        set_pixel_clipped(bytes, geometry, column_x, y + bit, colour);
                    }
                }
            }
            column_x = column_x.saturating_add(1);
        }
    }
}

/// MicroPython's 8×8 font for the characters 32 to 127, eight columns per
/// glyph, each byte a column with its top pixel in the least significant
/// bit. Read back pixel by pixel from what the pinned MicroPython 1.27
/// reference (`tests/reference`) draws with `FrameBuffer.text` for each
/// character on a `MONO_VLSB` buffer, whose bytes are exactly such columns.
#[rustfmt::skip]
pub static FONT_8X8: [u8; 768] = [
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,  0x00, 0x00, 0x00, 0x4f, 0x4f, 0x00, 0x00, 0x00,
    0x00, 0x07, 0x07, 0x00, 0x00, 0x07, 0x07, 0x00,  0x14, 0x7f, 0x7f, 0x14, 0x14, 0x7f, 0x7f, 0x14,
    0x00, 0x24, 0x2e, 0x6b, 0x6b, 0x3a, 0x12, 0x00,  0x00, 0x63, 0x33, 0x18, 0x0c, 0x66, 0x63, 0x00,
    0x00, 0x32, 0x7f, 0x4d, 0x4d, 0x77, 0x72, 0x50,  0x00, 0x00, 0x00, 0x04, 0x06, 0x03, 0x01, 0x00,
    0x00, 0x00, 0x1c, 0x3e, 0x63, 0x41, 0x00, 0x00,  0x00, 0x00, 0x41, 0x63, 0x3e, 0x1c, 0x00, 0x00,
    0x08, 0x2a, 0x3e, 0x1c, 0x1c, 0x3e, 0x2a, 0x08,  0x00, 0x08, 0x08, 0x3e, 0x3e, 0x08, 0x08, 0x00,
    0x00, 0x00, 0x80, 0xe0, 0x60, 0x00, 0x00, 0x00,  0x00, 0x08, 0x08, 0x08, 0x08, 0x08, 0x08, 0x00,
    0x00, 0x00, 0x00, 0x60, 0x60, 0x00, 0x00, 0x00,  0x00, 0x40, 0x60, 0x30, 0x18, 0x0c, 0x06, 0x02,
    0x00, 0x3e, 0x7f, 0x49, 0x45, 0x7f, 0x3e, 0x00,  0x00, 0x40, 0x44, 0x7f, 0x7f, 0x40, 0x40, 0x00,
    0x00, 0x62, 0x73, 0x51, 0x49, 0x4f, 0x46, 0x00,  0x00, 0x22, 0x63, 0x49, 0x49, 0x7f, 0x36, 0x00,
    0x00, 0x18, 0x18, 0x14, 0x16, 0x7f, 0x7f, 0x10,  0x00, 0x27, 0x67, 0x45, 0x45, 0x7d, 0x39, 0x00,
    0x00, 0x3e, 0x7f, 0x49, 0x49, 0x7b, 0x32, 0x00,  0x00, 0x03, 0x03, 0x79, 0x7d, 0x07, 0x03, 0x00,
    0x00, 0x36, 0x7f, 0x49, 0x49, 0x7f, 0x36, 0x00,  0x00, 0x26, 0x6f, 0x49, 0x49, 0x7f, 0x3e, 0x00,
    0x00, 0x00, 0x00, 0x24, 0x24, 0x00, 0x00, 0x00,  0x00, 0x00, 0x80, 0xe4, 0x64, 0x00, 0x00, 0x00,
    0x00, 0x08, 0x1c, 0x36, 0x63, 0x41, 0x41, 0x00,  0x00, 0x14, 0x14, 0x14, 0x14, 0x14, 0x14, 0x00,
    0x00, 0x41, 0x41, 0x63, 0x36, 0x1c, 0x08, 0x00,  0x00, 0x02, 0x03, 0x51, 0x59, 0x0f, 0x06, 0x00,
    0x00, 0x3e, 0x7f, 0x41, 0x4d, 0x4f, 0x2e, 0x00,  0x00, 0x7c, 0x7e, 0x0b, 0x0b, 0x7e, 0x7c, 0x00,
    0x00, 0x7f, 0x7f, 0x49, 0x49, 0x7f, 0x36, 0x00,  0x00, 0x3e, 0x7f, 0x41, 0x41, 0x63, 0x22, 0x00,
    0x00, 0x7f, 0x7f, 0x41, 0x63, 0x3e, 0x1c, 0x00,  0x00, 0x7f, 0x7f, 0x49, 0x49, 0x41, 0x41, 0x00,
    0x00, 0x7f, 0x7f, 0x09, 0x09, 0x01, 0x01, 0x00,  0x00, 0x3e, 0x7f, 0x41, 0x49, 0x7b, 0x3a, 0x00,
    0x00, 0x7f, 0x7f, 0x08, 0x08, 0x7f, 0x7f, 0x00,  0x00, 0x00, 0x41, 0x7f, 0x7f, 0x41, 0x00, 0x00,
    0x00, 0x20, 0x60, 0x41, 0x7f, 0x3f, 0x01, 0x00,  0x00, 0x7f, 0x7f, 0x1c, 0x36, 0x63, 0x41, 0x00,
    0x00, 0x7f, 0x7f, 0x40, 0x40, 0x40, 0x40, 0x00,  0x00, 0x7f, 0x7f, 0x06, 0x0c, 0x06, 0x7f, 0x7f,
    0x00, 0x7f, 0x7f, 0x0e, 0x1c, 0x7f, 0x7f, 0x00,  0x00, 0x3e, 0x7f, 0x41, 0x41, 0x7f, 0x3e, 0x00,
    0x00, 0x7f, 0x7f, 0x09, 0x09, 0x0f, 0x06, 0x00,  0x00, 0x1e, 0x3f, 0x21, 0x61, 0x7f, 0x5e, 0x00,
    0x00, 0x7f, 0x7f, 0x19, 0x39, 0x6f, 0x46, 0x00,  0x00, 0x26, 0x6f, 0x49, 0x49, 0x7b, 0x32, 0x00,
    0x00, 0x01, 0x01, 0x7f, 0x7f, 0x01, 0x01, 0x00,  0x00, 0x3f, 0x7f, 0x40, 0x40, 0x7f, 0x3f, 0x00,
    0x00, 0x1f, 0x3f, 0x60, 0x60, 0x3f, 0x1f, 0x00,  0x00, 0x7f, 0x7f, 0x30, 0x18, 0x30, 0x7f, 0x7f,
    0x00, 0x63, 0x77, 0x1c, 0x1c, 0x77, 0x63, 0x00,  0x00, 0x07, 0x0f, 0x78, 0x78, 0x0f, 0x07, 0x00,
    0x00, 0x61, 0x71, 0x59, 0x4d, 0x47, 0x43, 0x00,  0x00, 0x00, 0x7f, 0x7f, 0x41, 0x41, 0x00, 0x00,
    0x00, 0x02, 0x06, 0x0c, 0x18, 0x30, 0x60, 0x40,  0x00, 0x00, 0x41, 0x41, 0x7f, 0x7f, 0x00, 0x00,
    0x00, 0x08, 0x0c, 0x06, 0x06, 0x0c, 0x08, 0x00,  0xc0, 0xc0, 0xc0, 0xc0, 0xc0, 0xc0, 0xc0, 0xc0,
    0x00, 0x00, 0x01, 0x03, 0x06, 0x04, 0x00, 0x00,  0x00, 0x20, 0x74, 0x54, 0x54, 0x7c, 0x78, 0x00,
    0x00, 0x7f, 0x7f, 0x44, 0x44, 0x7c, 0x38, 0x00,  0x00, 0x38, 0x7c, 0x44, 0x44, 0x6c, 0x28, 0x00,
    0x00, 0x38, 0x7c, 0x44, 0x44, 0x7f, 0x7f, 0x00,  0x00, 0x38, 0x7c, 0x54, 0x54, 0x5c, 0x58, 0x00,
    0x00, 0x08, 0x7e, 0x7f, 0x09, 0x03, 0x02, 0x00,  0x00, 0x98, 0xbc, 0xa4, 0xa4, 0xfc, 0x7c, 0x00,
    0x00, 0x7f, 0x7f, 0x04, 0x04, 0x7c, 0x78, 0x00,  0x00, 0x00, 0x00, 0x7d, 0x7d, 0x00, 0x00, 0x00,
    0x00, 0x40, 0xc0, 0x80, 0x80, 0xfd, 0x7d, 0x00,  0x00, 0x7f, 0x7f, 0x30, 0x38, 0x6c, 0x44, 0x00,
    0x00, 0x00, 0x41, 0x7f, 0x7f, 0x40, 0x00, 0x00,  0x00, 0x7c, 0x7c, 0x18, 0x30, 0x18, 0x7c, 0x7c,
    0x00, 0x7c, 0x7c, 0x04, 0x04, 0x7c, 0x78, 0x00,  0x00, 0x38, 0x7c, 0x44, 0x44, 0x7c, 0x38, 0x00,
    0x00, 0xfc, 0xfc, 0x24, 0x24, 0x3c, 0x18, 0x00,  0x00, 0x18, 0x3c, 0x24, 0x24, 0xfc, 0xfc, 0x00,
    0x00, 0x7c, 0x7c, 0x04, 0x04, 0x0c, 0x08, 0x00,  0x00, 0x48, 0x5c, 0x54, 0x54, 0x74, 0x20, 0x00,
    0x04, 0x04, 0x3f, 0x7f, 0x44, 0x64, 0x20, 0x00,  0x00, 0x3c, 0x7c, 0x40, 0x40, 0x7c, 0x3c, 0x00,
    0x00, 0x1c, 0x3c, 0x60, 0x60, 0x3c, 0x1c, 0x00,  0x00, 0x1c, 0x7c, 0x30, 0x18, 0x30, 0x7c, 0x1c,
    0x00, 0x44, 0x6c, 0x38, 0x38, 0x6c, 0x44, 0x00,  0x00, 0x9c, 0xbc, 0xa0, 0xa0, 0xfc, 0x7c, 0x00,
    0x00, 0x44, 0x64, 0x74, 0x5c, 0x4c, 0x44, 0x00,  0x00, 0x08, 0x08, 0x3e, 0x77, 0x41, 0x41, 0x00,
    0x00, 0x00, 0x00, 0xff, 0xff, 0x00, 0x00, 0x00,  0x00, 0x41, 0x41, 0x77, 0x3e, 0x08, 0x08, 0x00,
    0x00, 0x02, 0x03, 0x01, 0x03, 0x02, 0x03, 0x01,  0xaa, 0x55, 0xaa, 0x55, 0xaa, 0x55, 0xaa, 0x55,
];
