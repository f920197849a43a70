//! Walking an iterable item by item without an iterator object where the
//! iterable is a builtin collection (list, tuple, bytes, bytearray, array,
//! dict, set, frozenset): the position is kept by the caller, so `for`
//! loops (`GET_ITER_STACK`) and `all`, `any`, `min`, `max` and `sum` over
//! them allocate nothing, as MicroPython's do with the heap locked.
//! Anything else is walked through its iterator.

use super::{Obj, TypeId};
use crate::vm::{Vm, R};

/// The marker word of a `for` loop walking a collection by position (see
/// `GET_ITER_STACK`; lists, tuples and ranges have their own markers).
pub const ITER_POSITION: Obj = Obj::small(3);

/// Where a walk is: a collection and the position of its next item, or an
/// iterator object.
#[derive(Clone, Copy, Debug)]
pub enum Walk {
    Position(Obj, u32),
    Iterator(Obj),
}

impl Walk {
    /// The object the caller keeps rooted while walking.
    pub fn root(&self) -> Obj {
        match *self {
            Walk::Position(collection, _) | Walk::Iterator(collection) => collection,
        }
    }
}

impl Vm<'_> {
    /// Whether `obj` is a builtin collection [`Vm::item_after`] walks (an
    /// instance of a class is not: it may iterate its own way).
    pub fn walks_by_position(&self, obj: Obj) -> bool {
        obj.is_ptr()
            && matches!(
                TypeId::from_obj(self.type_of(obj)),
                Some(
                    TypeId::List
                        | TypeId::Tuple
                        | TypeId::Bytes
                        | TypeId::ByteArray
                        | TypeId::Array
                        | TypeId::Dict
                        | TypeId::Set
                        | TypeId::FrozenSet
                )
            )
    }

    /// The item of the collection `obj` (one [`Vm::walks_by_position`]
    /// accepts) at `position` and the position after it, or None at the end.
    /// A dict gives its keys; its positions are entry indices.
    pub fn item_after(&mut self, obj: Obj, position: u32) -> R<Option<(Obj, u32)>> {
        match self.native_type(obj) {
            TypeId::List | TypeId::Tuple => {
                let items = self.seq_items(obj).unwrap_or((0, 0));
                Ok((position < items.1).then(|| (self.seq_item_at(items, position), position + 1)))
            }
            TypeId::Bytes | TypeId::ByteArray => {
                let byte = self.str_bytes(obj).get(position as usize).copied();
                Ok(byte.map(|byte| (Obj::small(i32::from(byte)), position + 1)))
            }
            TypeId::Array => {
                if position as usize >= self.array_len(obj) {
                    return Ok(None);
                }
                let item = self.array_item(obj, position as usize)?;
                Ok(Some((item, position + 1)))
            }
            _ => Ok(self.map_next(obj, position).map(|(entry, key, _)| (key, entry + 1))),
        }
    }

    /// One step of a `for` loop walking a collection by position: frame
    /// slot `slot` holds the collection and `slot + 1` the position, which
    /// moves past the item returned.
    pub fn step_by_position(&mut self, frame: Obj, slot: u32) -> R<Option<Obj>> {
        let collection = self.get(frame, slot);
        let position = self.get(frame, slot + 1).small_value() as u32;
        let Some((item, next)) = self.item_after(collection, position)? else { return Ok(None) };
        self.set(frame, slot + 1, Obj::small(next as i32));
        Ok(Some(item))
    }

    /// Starts walking `iterable`: by position for a builtin collection,
    /// else through a new iterator. The caller roots [`Walk::root`].
    pub fn walk(&mut self, iterable: Obj) -> R<Walk> {
        if self.walks_by_position(iterable) {
            return Ok(Walk::Position(iterable, 0));
        }
        self.get_iter(iterable).map(Walk::Iterator)
    }

    /// The next item of a walk, or None at its end.
    pub fn walk_next(&mut self, walk: &mut Walk) -> R<Option<Obj>> {
        match walk {
            Walk::Position(collection, position) => match self.item_after(*collection, *position)? {
                Some((item, next)) => {
                    *position = next;
                    Ok(Some(item))
                }
                None => Ok(None),
            },
            Walk::Iterator(iterator) => self.iter_next(*iterator),
        }
    }
}
