//! `*args` and `**kwargs` of a call (`CALL_*_VAR_KW`) expanded into lists.
//! The keyword arguments `**mapping` gives: a dict's items, or for any
//! other object with a `keys()` method, each key with `mapping[key]`, as
//! MicroPython takes them (anything else: `AttributeError`). A name given
//! twice to one call (by two mappings, or by a mapping and an explicit
//! keyword) is a `TypeError`.

use crate::obj::{Obj, TypeId};
use crate::vm::{Vm, R};

impl Vm<'_> {
    /// Expands `*args` and `**kwargs` of a `CALL_*_VAR_KW` into two lists.
    pub(super) fn expand_star_args(&mut self, frame: Obj, first: u32, n_pos: u32, n_kw: u32) -> R<(Obj, Obj)> {
        let star_bits = self.get(frame, first + n_pos + 2 * n_kw).small_value() as u32;
        let mark = self.root_mark();
        let positional = self.new_list(n_pos as usize)?;
        self.push_root(positional)?;
        let keywords = self.new_list(2 * n_kw as usize)?;
        self.push_root(keywords)?;
        for index in 0..n_pos {
            let arg = self.get(frame, first + index);
            if index < 32 && (star_bits >> index) & 1 == 1 {
                self.list_extend(positional, arg)?;
            } else {
                self.list_append(positional, arg)?;
            }
        }
        for pair in 0..n_kw {
            let key = self.get(frame, first + n_pos + 2 * pair);
            let value = self.get(frame, first + n_pos + 2 * pair + 1);
            if key.is_null() {
                self.append_mapping_keywords(keywords, value)?;
            } else {
                self.list_append(keywords, key)?;
                self.list_append(keywords, value)?;
            }
        }
        self.pop_roots(mark);
        Ok((positional, keywords))
    }

    /// Appends the `(name, value)` pairs of `**mapping` to the flat list
    /// `keywords` (which holds the call's keywords so far). The caller
    /// roots `keywords` and `mapping`.
    pub(crate) fn append_mapping_keywords(&mut self, keywords: Obj, mapping: Obj) -> R<()> {
        if self.native_type(mapping) == TypeId::Dict {
            let mut index = 0;
            while let Some((entry, name, item)) = self.map_next(mapping, index) {
                self.append_keyword(keywords, name, item)?;
                index = entry + 1;
            }
            return Ok(());
        }
        // Without `keys`, the AttributeError MicroPython raises too.
        let (keys_method, keys_self) = self.load_method(mapping, q!("keys"))?;
        let names = if keys_self.is_null() {
            self.call(keys_method, &[], &[])?
        } else {
            self.call(keys_method, &[keys_self], &[])?
        };
        let mark = self.root_mark();
        self.push_root(names)?;
        let iterator = self.get_iter(names)?;
        self.push_root(iterator)?;
        while let Some(name) = self.iter_next(iterator)? {
            let name_mark = self.root_mark();
            self.push_root(name)?;
            let item = self.subscr_get(mapping, name)?;
            self.push_root(item)?;
            self.append_keyword(keywords, name, item)?;
            self.pop_roots(name_mark);
        }
        self.pop_roots(mark);
        Ok(())
    }

    /// Appends one keyword argument, refusing a name the call already has.
    fn append_keyword(&mut self, keywords: Obj, name: Obj, item: Obj) -> R<()> {
        let mut index = 0;
        while index < self.list_len(keywords) {
            let known = self.list_item(keywords, index);
            let same = known == name
                || (self.is_str(known) && self.is_str(name) && self.str_bytes(known) == self.str_bytes(name));
            if same {
                let text = self.qstr_str_copy(name);
                return Err(self.raise_fmt(
                    TypeId::TypeError,
                    format_args!("function got multiple values for argument '{}'", text.as_str()),
                ));
            }
            index += 2;
        }
        self.list_append(keywords, name)?;
        self.list_append(keywords, item)
    }
}
