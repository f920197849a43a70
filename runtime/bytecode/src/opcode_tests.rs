//! Unit tests of the opcode list, the encoder and the decoder.

use super::*;

/// MicroPython derives the operand format from the high nibble and the extra
/// byte from a bit mask; the list must agree with both for every byte.
#[test]
fn operand_kinds_agree_with_the_format_rules() {
    for byte in 0..=255u8 {
        let Some(opcode) = Opcode::from_byte(byte) else { continue };
        let format = (0x0000_03a4u32 >> (2 * u32::from(byte >> 4))) & 3;
        let has_extra_byte = byte & 0x9e == 0;
        let (expected_format, expected_extra) = match opcode.operand_kind() {
            OperandKind::None
            | OperandKind::InlineSmallInt
            | OperandKind::InlineLocal
            | OperandKind::InlineUnaryOp
            | OperandKind::InlineBinaryOp => (0, false),
            OperandKind::Qstr => (1, false),
            OperandKind::Uint | OperandKind::SmallInt | OperandKind::Obj | OperandKind::Child => (2, false),
            OperandKind::ChildAndByte => (2, true),
            OperandKind::SignedJump | OperandKind::UnsignedJump => (3, false),
            OperandKind::SignedJumpAndByte => (3, true),
        };
        assert_eq!(format, expected_format, "{} (0x{byte:02x})", opcode.name());
        assert_eq!(has_extra_byte, expected_extra, "{} (0x{byte:02x})", opcode.name());
        // Signed jumps are exactly the jump opcodes up to POP_JUMP_IF_FALSE.
        if format == 3 {
            assert_eq!(opcode.has_signed_jump(), byte <= 0x44, "{}", opcode.name());
        }
    }
}

#[test]
fn unused_bytes_are_rejected() {
    let unused = [0x00, 0x0f, 0x1d, 0x1f, 0x38, 0x3f, 0x41, 0x4c, 0x4f, 0x60, 0x61, 0x6a, 0x6f, 0xd4, 0xd6, 0xfa, 0xff];
    for byte in unused {
        assert_eq!(Opcode::from_byte(byte), None, "0x{byte:02x}");
        assert_eq!(decode(&[byte], 0).map_err(|e| e.kind), Err(DecodeErrorKind::UnknownOpcode(byte)));
    }
    let used = (0..=255u8).filter(|&byte| Opcode::from_byte(byte).is_some()).count();
    // 13 qstr + 24 var-uint + 11 jump + 24 byte opcodes, plus 64 + 16 + 16 + 4 + 35 folded.
    assert_eq!(used, 13 + 24 + 11 + 24 + 64 + 16 + 16 + 4 + 35);
}

#[test]
fn ranges_and_operators() {
    assert_eq!(Opcode::from_byte(0x70), Some(Opcode::LoadConstSmallIntMulti));
    assert_eq!(Opcode::from_byte(0xaf), Some(Opcode::LoadConstSmallIntMulti));
    assert_eq!(Opcode::from_byte(0xbf), Some(Opcode::LoadFastMulti));
    assert_eq!(Opcode::from_byte(0xc0), Some(Opcode::StoreFastMulti));
    assert_eq!(Opcode::from_byte(0xd3), Some(Opcode::UnaryOpMulti));
    assert_eq!(Opcode::from_byte(0xf9), Some(Opcode::BinaryOpMulti));
    assert_eq!(BinaryOp::ALL.len(), 35);
    assert_eq!(UnaryOp::ALL.len(), 4);
    assert_eq!(decode(&[0xf2], 0).unwrap().operand, Operand::Binary(BinaryOp::Add));
    assert_eq!(decode(&[0xdf], 0).unwrap().operand, Operand::Binary(BinaryOp::ExceptionMatch));
    assert_eq!(decode(&[0x81], 0).unwrap().operand, Operand::Int(1));
    assert_eq!(decode(&[0x70], 0).unwrap().operand, Operand::Int(-16));
    assert_eq!(decode(&[0xd1], 0).unwrap().operand, Operand::Unary(UnaryOp::Negative));
}

fn encode_to_vec(opcode: Opcode, operand: Operand) -> Result<([u8; 16], usize), EncodeError> {
    let mut out = [0u8; 16];
    let mut len = 0;
    let written = encode_instruction(opcode, operand, &mut |byte| {
        out[len] = byte;
        len += 1;
    })?;
    assert_eq!(written, len);
    Ok((out, len))
}

#[test]
fn examples_from_the_spec() {
    // Module code of t1.py after its prelude.
    let code =
        [0x81, 0x16, 0x03, 0x11, 0x04, 0x10, 0x02, 0x11, 0x03, 0x22, 0x81, 0x48, 0xf2, 0x34, 0x02, 0x59, 0x51, 0x63];
    let decoded: [(Opcode, Operand); 12] = [
        (Opcode::LoadConstSmallIntMulti, Operand::Int(1)),
        (Opcode::StoreName, Operand::Qstr(3)),
        (Opcode::LoadName, Operand::Qstr(4)),
        (Opcode::LoadConstString, Operand::Qstr(2)),
        (Opcode::LoadName, Operand::Qstr(3)),
        (Opcode::LoadConstSmallInt, Operand::Int(200)),
        (Opcode::BinaryOpMulti, Operand::Binary(BinaryOp::Add)),
        (Opcode::CallFunction, Operand::Uint(2)),
        (Opcode::PopTop, Operand::None),
        (Opcode::LoadConstNone, Operand::None),
        (Opcode::ReturnValue, Operand::None),
        (Opcode::ReturnValue, Operand::None),
    ];
    let mut offset = 0;
    for (opcode, operand) in decoded.iter().take(11) {
        let instruction = decode(&code, offset).unwrap();
        assert_eq!((instruction.opcode, instruction.operand), (*opcode, *operand));
        let (bytes, len) = encode_to_vec(*opcode, *operand).unwrap();
        assert_eq!(&bytes[..len], &code[offset..offset + len]);
        offset = instruction.end();
    }
    assert_eq!(offset, code.len());
    assert_eq!(instructions(&code, 0).count(), 11);
}

#[test]
fn jumps() {
    // `40 4a 81`: UNWIND_JUMP +10 relative to its trailing byte, unwinding one handler and a for-iterator.
    let unwind = decode(&[0x40, 0x4a, 0x81], 0).unwrap();
    assert_eq!(unwind.operand, Operand::JumpAndByte { offset: 10, wide: false, byte: 0x81 });
    assert_eq!(unwind.len, 3);
    assert_eq!(unwind.jump_target(), Some(12));
    // SETUP_FINALLY 35 (unsigned), POP_JUMP_IF_FALSE 0x4d = +13, POP_JUMP_IF_TRUE 0x32 = -14.
    assert_eq!(decode(&[0x49, 0x23], 0).unwrap().jump_target(), Some(37));
    assert_eq!(decode(&[0x44, 0x4d], 0).unwrap().operand, Operand::Jump { offset: 13, wide: false });
    let back = decode(&[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x43, 0x32], 13).unwrap();
    assert_eq!(back.jump_target(), Some(1));
    // A wide jump: stored 0x4000 + 300.
    let stored = 0x4000 + 300;
    let code = [0x42, (stored & 0x7f) as u8 | 0x80, (stored >> 7) as u8];
    let wide = decode(&code, 0).unwrap();
    assert_eq!(wide.operand, Operand::Jump { offset: 300, wide: true });
    let (bytes, len) = encode_to_vec(Opcode::Jump, wide.operand).unwrap();
    assert_eq!(&bytes[..len], &code);
    assert!(jump_fits_narrow(true, -64) && !jump_fits_narrow(true, 64));
    assert!(jump_fits_narrow(false, 127) && !jump_fits_narrow(false, -1));
    assert_eq!(
        encode_to_vec(Opcode::Jump, Operand::Jump { offset: 64, wide: false }).err(),
        Some(EncodeError::OutOfRange)
    );
    assert_eq!(
        encode_to_vec(Opcode::ForIter, Operand::Jump { offset: -1, wide: true }).err(),
        Some(EncodeError::OutOfRange)
    );
}

#[test]
fn encoder_round_trips_every_opcode() {
    for &opcode in Opcode::ALL {
        let samples: &[Operand] = match opcode.operand_kind() {
            OperandKind::None => &[Operand::None],
            OperandKind::Qstr => &[Operand::Qstr(0), Operand::Qstr(300)],
            OperandKind::Uint | OperandKind::Obj | OperandKind::Child => &[Operand::Uint(0), Operand::Uint(1 << 20)],
            OperandKind::SmallInt => &[Operand::Int(-1_000_000), Operand::Int(200)],
            OperandKind::ChildAndByte => &[Operand::UintAndByte(3, 2), Operand::UintAndByte(200, 255)],
            OperandKind::SignedJump => {
                &[Operand::Jump { offset: -64, wide: false }, Operand::Jump { offset: -0x4000, wide: true }]
            }
            OperandKind::UnsignedJump => {
                &[Operand::Jump { offset: 127, wide: false }, Operand::Jump { offset: 0x7fff, wide: true }]
            }
            OperandKind::SignedJumpAndByte => &[Operand::JumpAndByte { offset: 5, wide: true, byte: 0x81 }],
            OperandKind::InlineSmallInt => &[Operand::Int(-16), Operand::Int(47)],
            OperandKind::InlineLocal => &[Operand::Uint(0), Operand::Uint(15)],
            OperandKind::InlineUnaryOp => &[Operand::Unary(UnaryOp::Not)],
            OperandKind::InlineBinaryOp => &[Operand::Binary(BinaryOp::Power), Operand::Binary(BinaryOp::Less)],
        };
        for &operand in samples {
            let (bytes, len) = encode_to_vec(opcode, operand).unwrap();
            let instruction = decode(&bytes[..len], 0).unwrap();
            assert_eq!((instruction.opcode, instruction.operand, instruction.len), (opcode, operand, len));
            for cut in 0..len {
                assert!(decode(&bytes[..cut], 0).is_err(), "{} cut at {cut}", opcode.name());
            }
        }
        if opcode.operand_kind() != OperandKind::None {
            assert_eq!(encode_to_vec(opcode, Operand::None).err(), Some(EncodeError::WrongOperand));
        }
    }
    assert_eq!(encode_to_vec(Opcode::LoadFastMulti, Operand::Uint(16)).err(), Some(EncodeError::OutOfRange));
    assert_eq!(encode_to_vec(Opcode::LoadConstSmallIntMulti, Operand::Int(48)).err(), Some(EncodeError::OutOfRange));
}

#[test]
fn constants_are_the_list_bytes_and_names() {
    // A few numbers as MicroPython's `bc0.h` has them.
    assert_eq!(op::LOAD_CONST_STRING, 0x10);
    assert_eq!(op::JUMP, 0x42);
    assert_eq!(op::END_FINALLY, 0x5d);
    assert_eq!(op::YIELD_FROM, 0x68);
    assert_eq!(op::BINARY_OP_MULTI, 0xd7);
    for &opcode in Opcode::ALL {
        assert_eq!(Opcode::from_byte(opcode.first_byte()), Some(opcode));
        assert_eq!(Opcode::from_byte(opcode.last_byte()), Some(opcode));
        assert_eq!(usize::from(opcode.last_byte() - opcode.first_byte()) + 1, usize::from(opcode.byte_count()));
    }
    assert_eq!(Opcode::JumpIfTrueOrPop.name(), "JUMP_IF_TRUE_OR_POP");
    assert_eq!(
        (op::LOAD_CONST_SMALL_INT_MULTI_LAST, op::LOAD_FAST_MULTI_LAST, op::STORE_FAST_MULTI_LAST),
        (0xaf, 0xbf, 0xcf)
    );
    assert_eq!((op::UNARY_OP_MULTI_LAST, op::BINARY_OP_MULTI_LAST), (0xd3, 0xf9));
    assert_eq!(op::LOAD_CONST_SMALL_INT_MULTI_ZERO, 0x80);
    assert_eq!(op::BINARY_OP_MULTI + binary::POWER, op::BINARY_OP_MULTI_LAST);
    assert_eq!(op::UNARY_OP_MULTI + unary::NOT, op::UNARY_OP_MULTI_LAST);
}

#[test]
fn operator_constants_are_the_enum_numbers() {
    for &operator in BinaryOp::ALL {
        assert_eq!(BinaryOp::from_number(operator.number()), Some(operator));
    }
    assert_eq!((binary::LESS, binary::EXCEPTION_MATCH, binary::INPLACE_ADD), (0, 8, 14));
    assert_eq!((binary::OR, binary::ADD, binary::SUBTRACT, binary::POWER), (22, 27, 28, 34));
    assert_eq!(binary::INPLACE_ADD + binary::INPLACE_OFFSET, binary::ADD);
    assert_eq!(binary::INPLACE_POWER + binary::INPLACE_OFFSET, binary::POWER);
    assert_eq!((unary::POSITIVE, unary::NEGATIVE, unary::INVERT, unary::NOT), (0, 1, 2, 3));
    assert_eq!(UnaryOp::from_number(unary::INVERT), Some(UnaryOp::Invert));
}

#[test]
fn read_jump_agrees_with_decode() {
    let cases: &[(Opcode, &[u8])] = &[
        (Opcode::Jump, &[0x42, 0x40]),
        (Opcode::Jump, &[0x42, 0x00]),
        (Opcode::Jump, &[0x42, 0x85, 0x80]),
        (Opcode::PopJumpIfFalse, &[0x44, 0xff, 0xff]),
        (Opcode::ForIter, &[0x4b, 0x7f]),
        (Opcode::SetupExcept, &[0x48, 0x81, 0x02]),
    ];
    for &(opcode, code) in cases {
        let instruction = decode(code, 0).unwrap();
        let Operand::Jump { offset, .. } = instruction.operand else { panic!("{code:02x?} is not a jump") };
        let mut position = 1;
        assert_eq!(read_jump(code, &mut position, opcode.has_signed_jump()), offset, "{code:02x?}");
        assert_eq!(position, instruction.end());
    }
    // Truncated: the missing byte reads as 0 instead of failing.
    let mut position = 1;
    assert_eq!(read_jump(&[0x42, 0x85], &mut position, true), 5 - 0x4000);
    assert_eq!(position, 3);
}
