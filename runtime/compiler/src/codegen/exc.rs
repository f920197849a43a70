//! Exception handling: `try`/`except`/`else`/`finally`, `with`, and the
//! `async for`/`async with` forms, in MicroPython's block layout.
//!
//! Every `SETUP_*` raises the exception level that `break`/`continue` use to
//! count how many handlers an `UNWIND_JUMP` must pop; the stack adjustments
//! reserve room for the values the VM pushes when it enters a handler.

use crate::ast::{ExceptHandler, Expr, Stmt, WithItem};
use crate::emit::{binary, op};

use super::expr::AssignKind;
use super::Compiler;

impl<'a> Compiler<'a> {
    pub(crate) fn increase_except_level(&mut self, label: u32, opcode: u8) {
        self.emit.setup_block(label, opcode);
        self.cur_except_level += 1;
        let scope = &mut self.scopes.scopes[self.cur];
        if self.cur_except_level as u16 > scope.exc_stack_size {
            scope.exc_stack_size = self.cur_except_level as u16;
        }
    }

    pub(crate) fn decrease_except_level(&mut self) {
        self.cur_except_level = self.cur_except_level.saturating_sub(1);
        self.emit.end_finally();
    }

    pub(crate) fn compile_try(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
    ) {
        if finalbody.is_empty() {
            self.compile_try_except(body, handlers, orelse);
        } else {
            self.compile_try_finally(body, handlers, orelse, finalbody);
        }
    }

    fn compile_try_except(&mut self, body: &'a [Stmt], handlers: &'a [ExceptHandler], orelse: &'a [Stmt]) {
        let handler_label = self.new_label();
        let success_label = self.new_label();
        self.increase_except_level(handler_label, op::SETUP_EXCEPT);
        self.compile_block(body);
        self.emit.pop_except_jump(success_label);
        self.emit.label_assign(handler_label);
        self.emit.start_except_handler();
        let end_label = self.new_label();
        for (index, handler) in handlers.iter().enumerate() {
            let end_finally_label = self.new_label();
            match &handler.type_ {
                None => {
                    if index + 1 != handlers.len() {
                        self.syntax_error("default 'except' must be last", handler.span);
                        self.decrease_except_level();
                        return;
                    }
                }
                Some(exception) => {
                    self.emit.dup_top();
                    self.compile_expr(exception);
                    self.emit.binary_op(binary::EXCEPTION_MATCH);
                    self.emit.pop_jump_if(false, end_finally_label);
                }
            }
            let bound = handler.type_.as_ref().and(handler.name.as_ref());
            match bound {
                None => self.emit.pop_top(),
                Some(name) => self.store_id(&name.name),
            }
            let mut cleanup_label = 0;
            if bound.is_some() {
                cleanup_label = self.new_label();
                self.increase_except_level(cleanup_label, op::SETUP_FINALLY);
            }
            self.compile_block(&handler.body);
            if let Some(name) = bound {
                self.emit.load_const_none();
                self.emit.label_assign(cleanup_label);
                self.emit.adjust_stack_size(1);
                self.emit.load_const_none();
                self.store_id(&name.name);
                self.delete_id(&name.name);
                self.emit.adjust_stack_size(-1);
                self.decrease_except_level();
            }
            self.emit.pop_except_jump(end_label);
            self.emit.label_assign(end_finally_label);
            self.emit.adjust_stack_size(1);
        }
        self.decrease_except_level();
        self.emit.end_except_handler();
        self.emit.label_assign(success_label);
        self.compile_block(orelse);
        self.emit.label_assign(end_label);
    }

    fn compile_try_finally(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
    ) {
        let finally_label = self.new_label();
        self.increase_except_level(finally_label, op::SETUP_FINALLY);
        if handlers.is_empty() {
            self.emit.adjust_stack_size(3);
            self.compile_block(body);
            self.emit.adjust_stack_size(-3);
        } else {
            self.compile_try_except(body, handlers, orelse);
        }
        self.emit.load_const_none();
        self.emit.label_assign(finally_label);
        self.emit.adjust_stack_size(1);
        self.compile_block(finalbody);
        self.emit.adjust_stack_size(-1);
        self.decrease_except_level();
    }

    pub(crate) fn compile_with(&mut self, items: &'a [WithItem], body: &'a [Stmt]) {
        let Some((first, rest)) = items.split_first() else {
            self.compile_block(body);
            return;
        };
        let end_label = self.new_label();
        self.compile_expr(&first.context);
        self.increase_except_level(end_label, op::SETUP_WITH);
        match &first.target {
            Some(target) => self.c_assign(target, AssignKind::Store),
            None => self.emit.pop_top(),
        }
        self.compile_with(rest, body);
        self.emit.with_cleanup(end_label);
        self.decrease_except_level();
    }

    fn compile_await_method(&mut self, method: &str) {
        self.emit.load_method(&mut self.tables, method, false);
        self.emit.call_method(0, 0, false);
        self.compile_yield_from();
    }

    pub(crate) fn compile_async_for(&mut self, target: &'a Expr, iter: &'a Expr, body: &'a [Stmt], orelse: &'a [Stmt]) {
        let while_else_label = self.new_label();
        let try_exception_label = self.new_label();
        let try_else_label = self.new_label();
        let try_finally_label = self.new_label();
        self.compile_expr(iter);
        self.emit.load_method(&mut self.tables, "__aiter__", false);
        self.emit.call_method(0, 0, false);
        let saved = self.start_loop();
        let (break_label, continue_label) = (saved.3, saved.4);
        self.emit.label_assign(continue_label);
        self.increase_except_level(try_exception_label, op::SETUP_EXCEPT);
        self.emit.dup_top();
        self.compile_await_method("__anext__");
        self.c_assign(target, AssignKind::Store);
        self.emit.pop_except_jump(try_else_label);
        self.emit.label_assign(try_exception_label);
        self.emit.start_except_handler();
        self.emit.dup_top();
        self.load_global_explicit("StopAsyncIteration");
        self.emit.binary_op(binary::EXCEPTION_MATCH);
        self.emit.pop_jump_if(false, try_finally_label);
        self.emit.pop_top();
        self.emit.pop_except_jump(while_else_label);
        self.emit.label_assign(try_finally_label);
        self.emit.adjust_stack_size(1);
        self.decrease_except_level();
        self.emit.end_except_handler();
        self.emit.label_assign(try_else_label);
        self.compile_block(body);
        self.emit.jump(continue_label);
        self.end_loop(saved);
        self.emit.label_assign(while_else_label);
        self.compile_block(orelse);
        self.emit.label_assign(break_label);
        self.emit.pop_top();
    }

    pub(crate) fn compile_async_with(&mut self, items: &'a [WithItem], body: &'a [Stmt]) {
        let Some((first, rest)) = items.split_first() else {
            self.compile_block(body);
            return;
        };
        let finally_label = self.new_label();
        let aexit_no_exc_label = self.new_label();
        let ret_unwind_jump_label = self.new_label();
        let end_label = self.new_label();
        self.compile_expr(&first.context);
        self.emit.dup_top();
        self.compile_await_method("__aenter__");
        match &first.target {
            Some(target) => self.c_assign(target, AssignKind::Store),
            None => self.emit.pop_top(),
        }
        self.increase_except_level(finally_label, op::SETUP_FINALLY);
        self.emit.adjust_stack_size(3);
        self.compile_async_with(rest, body);
        self.emit.adjust_stack_size(-3);
        self.emit.async_with_setup_finally(&mut self.tables, aexit_no_exc_label, finally_label, ret_unwind_jump_label);
        self.emit.dup_top();
        self.emit.rot_three();
        self.emit.rot_two();
        self.emit.load_method(&mut self.tables, "__aexit__", false);
        self.emit.rot_three();
        self.emit.rot_three();
        self.emit.dup_top();
        self.emit.attr(&mut self.tables, "__class__", crate::emit::IdOp::Load);
        self.emit.rot_two();
        self.emit.load_const_none();
        self.emit.call_method(3, 0, false);
        self.compile_yield_from();
        self.emit.pop_jump_if(false, end_label);
        self.emit.pop_top();
        self.emit.load_const_none();
        self.emit.jump(end_label);
        self.emit.adjust_stack_size(2);
        self.emit.label_assign(ret_unwind_jump_label);
        self.emit.rot_three();
        self.emit.rot_three();
        self.emit.label_assign(aexit_no_exc_label);
        self.emit.load_method(&mut self.tables, "__aexit__", false);
        self.emit.load_const_none();
        self.emit.dup_top();
        self.emit.dup_top();
        self.emit.call_method(3, 0, false);
        self.compile_yield_from();
        self.emit.pop_top();
        self.emit.adjust_stack_size(-1);
        self.emit.label_assign(end_label);
        self.decrease_except_level();
    }
}
