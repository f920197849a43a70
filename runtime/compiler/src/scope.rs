//! Scopes and identifier analysis, in MicroPython's model.
//!
//! Every module, class, function, lambda and comprehension is a [`Scope`]
//! holding the identifiers it references, in the order the compiler first
//! met them. That order matters for byte-identical output: local variable
//! numbers, the cell list and the order of free variables all derive from it.
//! Identifiers are recorded during the code generator's scope pass (see
//! `codegen`); afterwards [`compute_locals`] numbers locals, cells and free
//! variables exactly as MicroPython does (parameters first, then other
//! locals, then cells; free variables before everything and counted as
//! hidden positional arguments).

use alloc::string::String;
use alloc::vec::Vec;

use crate::tables::NameIndex;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Class,
    Lambda,
    ListComp,
    DictComp,
    SetComp,
    GenExpr,
    Function,
}

impl ScopeKind {
    pub fn is_function_like(self) -> bool {
        !matches!(self, ScopeKind::Module | ScopeKind::Class)
    }

    pub fn is_comprehension(self) -> bool {
        matches!(self, ScopeKind::ListComp | ScopeKind::DictComp | ScopeKind::SetComp | ScopeKind::GenExpr)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdKind {
    Undecided,
    GlobalImplicit,
    GlobalImplicitAssigned,
    GlobalExplicit,
    Local,
    Cell,
    Free,
}

pub const FLAG_IS_PARAM: u8 = 0x01;
pub const FLAG_IS_STAR_PARAM: u8 = 0x02;
pub const FLAG_IS_DBL_STAR_PARAM: u8 = 0x04;

pub const SCOPE_FLAG_GENERATOR: u16 = 0x01;
pub const SCOPE_FLAG_VARKEYWORDS: u16 = 0x02;
pub const SCOPE_FLAG_VARARGS: u16 = 0x04;
pub const SCOPE_FLAG_DEFKWARGS: u16 = 0x08;

#[derive(Clone, Debug)]
pub struct IdInfo {
    pub kind: IdKind,
    pub flags: u8,
    pub local_num: u16,
    pub name: String,
}

pub type ScopeId = usize;

#[derive(Clone, Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    pub parent: Option<ScopeId>,
    /// The qstr naming the code object (`<module>`, the function name, ...).
    pub simple_name: String,
    pub scope_flags: u16,
    pub num_pos_args: u16,
    pub num_kwonly_args: u16,
    pub num_def_pos_args: u16,
    pub num_locals: u16,
    pub stack_size: u16,
    pub exc_stack_size: u16,
    pub ids: Vec<IdInfo>,
    /// Scopes defined directly in this one, in the order they were created;
    /// later passes walk the tree in the same order and use this to find them.
    pub child_scopes: Vec<ScopeId>,
    /// Byte offset of the node that created the scope (for diagnostics and lines).
    pub offset: u32,
    /// Position of each identifier in `ids`, for fast lookup.
    index: NameIndex,
}

impl Scope {
    pub fn new(kind: ScopeKind, parent: Option<ScopeId>, simple_name: String, offset: u32) -> Scope {
        Scope {
            kind,
            parent,
            simple_name,
            scope_flags: 0,
            num_pos_args: 0,
            num_kwonly_args: 0,
            num_def_pos_args: 0,
            num_locals: 0,
            stack_size: 0,
            exc_stack_size: 0,
            ids: Vec::new(),
            child_scopes: Vec::new(),
            offset,
            index: NameIndex::default(),
        }
    }

    pub fn find(&self, name: &str) -> Option<usize> {
        let ids = &self.ids;
        self.index.find(name, |position| ids[position].name.as_str())
    }

    /// Index of `name`, adding it with `kind` when it is not known yet.
    pub fn find_or_add(&mut self, name: &str, kind: IdKind) -> usize {
        let ids = &self.ids;
        if let Some(index) = self.index.find_or_insert(name, ids.len(), |position| ids[position].name.as_str()) {
            return index;
        }
        self.ids.push(IdInfo { kind, flags: 0, local_num: 0, name: String::from(name) });
        self.ids.len() - 1
    }

    /// Rebuilds the name index after identifiers changed places.
    fn reindex(&mut self) {
        self.index.clear();
        for (position, id) in self.ids.iter().enumerate() {
            self.index.insert(&id.name, position);
        }
    }
}

/// All scopes of one compilation, in creation order (module first).
#[derive(Clone, Debug, Default)]
pub struct ScopeTable {
    pub scopes: Vec<Scope>,
}

impl ScopeTable {
    /// The global (module) scope that `scope` ultimately belongs to.
    pub fn outermost(&self, mut scope: ScopeId) -> ScopeId {
        while let Some(parent) = self.scopes[scope].parent {
            scope = parent;
        }
        scope
    }

    /// Records a load of `name` in the scope pass.
    pub fn id_for_load(&mut self, scope: ScopeId, name: &str) {
        self.scopes[scope].find_or_add(name, IdKind::GlobalImplicit);
    }

    /// Records an assignment or deletion of `name` in the scope pass.
    pub fn id_for_modification(&mut self, scope: ScopeId, name: &str) -> usize {
        let function_like = self.scopes[scope].kind.is_function_like();
        let index = self.scopes[scope].find_or_add(name, IdKind::GlobalImplicit);
        let id = &mut self.scopes[scope].ids[index];
        if id.kind == IdKind::GlobalImplicit {
            id.kind = if function_like { IdKind::Local } else { IdKind::GlobalImplicitAssigned };
        }
        index
    }

    /// Marks `name` free in every scope between `scope` and the one that binds it.
    fn close_over_in_parents(&mut self, scope: ScopeId, name: &str) {
        let mut current = self.scopes[scope].parent;
        while let Some(parent) = current {
            if self.scopes[parent].parent.is_none() {
                return;
            }
            let index = self.scopes[parent].find_or_add(name, IdKind::Undecided);
            let id = &mut self.scopes[parent].ids[index];
            if id.kind == IdKind::Undecided {
                id.kind = IdKind::Free;
            } else {
                if id.kind == IdKind::Local {
                    id.kind = IdKind::Cell;
                }
                return;
            }
            current = self.scopes[parent].parent;
        }
    }

    /// If an enclosing function binds the identifier, makes it free here.
    pub fn check_to_close_over(&mut self, scope: ScopeId, index: usize) {
        let name = self.scopes[scope].ids[index].name.clone();
        let mut current = self.scopes[scope].parent;
        while let Some(parent) = current {
            if self.scopes[parent].parent.is_none() {
                break;
            }
            if let Some(found) = self.scopes[parent].find(&name) {
                let kind = self.scopes[parent].ids[found].kind;
                if matches!(kind, IdKind::Local | IdKind::Cell | IdKind::Free) {
                    self.scopes[scope].ids[index].kind = IdKind::Free;
                    self.close_over_in_parents(scope, &name);
                }
                break;
            }
            current = self.scopes[parent].parent;
        }
    }

    /// Numbers locals, cells and free variables of one scope (after the scope
    /// pass of every scope is done).
    pub fn compute_locals(&mut self, scope_id: ScopeId) {
        // A parent is always created before its children, so it sits to the
        // left of `scope_id` and both can be borrowed at once.
        let (before, rest) = self.scopes.split_at_mut(scope_id);
        let Some(scope) = rest.first_mut() else { return };
        let parent_ids: &[IdInfo] = match scope.parent {
            Some(parent) if parent < scope_id => &before[parent].ids,
            _ => &[],
        };

        // The `*args` parameter is moved after the other parameters (but
        // before `**kwargs`).
        if scope.scope_flags & SCOPE_FLAG_VARARGS != 0 {
            let mut last_plain_param: Option<usize> = None;
            for index in (0..scope.ids.len()).rev() {
                let flags = scope.ids[index].flags;
                if flags & FLAG_IS_STAR_PARAM != 0 {
                    if let Some(other) = last_plain_param {
                        scope.ids.swap(index, other);
                        scope.reindex();
                    }
                    break;
                } else if last_plain_param.is_none() && flags == FLAG_IS_PARAM {
                    last_plain_param = Some(index);
                }
            }
        }

        scope.num_locals = 0;
        let kind = scope.kind;
        for id in scope.ids.iter_mut() {
            if kind == ScopeKind::Class && id.name == "__class__" {
                continue;
            }
            if kind.is_function_like() && id.kind == IdKind::GlobalImplicit {
                id.kind = IdKind::GlobalExplicit;
            }
            if id.kind == IdKind::Local || id.flags & FLAG_IS_PARAM != 0 {
                id.local_num = scope.num_locals;
                scope.num_locals += 1;
            }
        }
        for id in scope.ids.iter_mut() {
            if id.kind == IdKind::Cell && id.flags & FLAG_IS_PARAM == 0 {
                id.local_num = scope.num_locals;
                scope.num_locals += 1;
            }
        }

        if scope.parent.is_some() {
            let mut num_free = 0u16;
            for parent_id in parent_ids.iter() {
                if matches!(parent_id.kind, IdKind::Cell | IdKind::Free) {
                    for id in scope.ids.iter_mut() {
                        if id.kind == IdKind::Free && id.name == parent_id.name {
                            id.local_num = num_free;
                            num_free += 1;
                        }
                    }
                }
            }
            if num_free > 0 {
                for id in scope.ids.iter_mut() {
                    if id.kind != IdKind::Free || id.flags & FLAG_IS_PARAM != 0 {
                        id.local_num += num_free;
                    }
                }
                scope.num_pos_args += num_free;
                scope.num_locals += num_free;
            }
        }
    }
}
