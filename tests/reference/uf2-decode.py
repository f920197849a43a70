#!/usr/bin/env python3
"""Decode and validate a UF2 file, independently of rime's writer.

Usage: uf2-decode.py FILE.uf2 [--family 0xID] [--bin OUT.bin]

Written from the UF2 specification (github.com/microsoft/uf2) and the RP2040
and RP2350 datasheets, not from xtask/src/uf2.rs, so that the two check each
other. Plain standard library, no third-party packages.

Checks every block: the three magic numbers; a payload of at most 476 bytes
(256 for the RP2 families); flag 0x2000 (family id present) on every block;
numbering 0..n-1 of n within each family, with no gaps or repeats; targets
aligned to the payload size, in ascending order and never twice; blocks of
the RP2 families inside the XIP flash window; and the RP2350-E10 absolute
block (family 0xe48bff57, flags 0x2000|0x8000, target 0x10ffff00, 256 x 0xEF,
extension tag 0x9957E304 right after the payload, one block numbered 0 of 2
as picotool writes it), which is counted and left out of the reassembly.

Prints one JSON object: the blocks per family, and for the reassembled family
(--family, or the only family besides the absolute one) its start and end
address and the contiguous runs of pages. With --bin, writes that family's
bytes from start to end, gaps between pages filled with 0x00. Exits 1 with a
message on the first invalid block.
"""

import argparse
import json
import struct
import sys

MAGIC0 = 0x0A324655
MAGIC1 = 0x9E5D5157
MAGIC_END = 0x0AB16F30
FLAG_NOT_MAIN_FLASH = 0x00000001
FLAG_FAMILY_ID = 0x00002000
FLAG_EXTENSIONS = 0x00008000
FAMILY_RP2040 = 0xE48BFF56
FAMILY_ABSOLUTE = 0xE48BFF57
FAMILY_DATA = 0xE48BFF58
FAMILY_RP2350_ARM_S = 0xE48BFF59
FAMILY_RP2350_RISCV = 0xE48BFF5A
FAMILY_RP2350_ARM_NS = 0xE48BFF5B
RP2_FAMILIES = {FAMILY_RP2040, FAMILY_RP2350_ARM_S, FAMILY_RP2350_RISCV, FAMILY_RP2350_ARM_NS}
EXTENSION_RP2_IGNORE_BLOCK = 0x9957E304
XIP_START = 0x10000000
XIP_END = 0x11000000


class Invalid(Exception):
    pass


def decode(data):
    if len(data) == 0 or len(data) % 512:
        raise Invalid(f"size {len(data)} is not a positive multiple of 512")
    families = {}
    for index in range(len(data) // 512):
        block = data[index * 512:(index + 1) * 512]
        magic0, magic1, flags, target, size, number, count, family = struct.unpack_from("<8I", block, 0)
        (magic_end,) = struct.unpack_from("<I", block, 508)
        where = f"block {index}"
        if (magic0, magic1, magic_end) != (MAGIC0, MAGIC1, MAGIC_END):
            raise Invalid(f"{where}: bad magic numbers {magic0:#x} {magic1:#x} {magic_end:#x}")
        if not flags & FLAG_FAMILY_ID:
            raise Invalid(f"{where}: flag 0x2000 (family id) missing, flags {flags:#x}")
        if flags & FLAG_NOT_MAIN_FLASH:
            raise Invalid(f"{where}: marked 'not main flash'")
        if size > 476:
            raise Invalid(f"{where}: payload size {size} > 476")
        if count == 0 or number >= count:
            raise Invalid(f"{where}: block number {number} of {count}")
        payload = block[32:32 + size]
        entry = families.setdefault(family, {"blocks": [], "count": count})
        if entry["count"] != count:
            raise Invalid(f"{where}: block count {count}, earlier blocks of this family said {entry['count']}")
        if family == FAMILY_ABSOLUTE:
            if flags != FLAG_FAMILY_ID | FLAG_EXTENSIONS:
                raise Invalid(f"{where}: absolute block flags {flags:#x}, expected 0xa000")
            if target != 0x10FFFF00 or size != 256 or payload != b"\xef" * 256:
                raise Invalid(f"{where}: absolute block must target 0x10ffff00 with 256 x 0xEF")
            (extension,) = struct.unpack_from("<I", block, 32 + size)
            if extension != EXTENSION_RP2_IGNORE_BLOCK:
                raise Invalid(f"{where}: absolute block extension {extension:#x}, expected 0x9957e304")
        elif family in RP2_FAMILIES:
            if flags != FLAG_FAMILY_ID:
                raise Invalid(f"{where}: flags {flags:#x}, expected 0x2000")
            if size != 256:
                raise Invalid(f"{where}: payload size {size}, RP2 boot ROMs take 256")
            if target % 256:
                raise Invalid(f"{where}: target {target:#x} not 256-aligned")
            if not (XIP_START <= target and target + size <= XIP_END):
                raise Invalid(f"{where}: target {target:#x} outside the XIP flash window")
            if any(block[32 + size:508]):
                raise Invalid(f"{where}: bytes after the payload are not zero")
        entry["blocks"].append((number, target, payload))
    for family, entry in families.items():
        numbers = [number for number, _, _ in entry["blocks"]]
        if family == FAMILY_ABSOLUTE:
            # The E10 block is block 0 "of 2" on its own, as picotool writes it.
            if numbers != [0] or entry["count"] != 2:
                raise Invalid(f"the absolute block must be one block numbered 0 of 2, found {numbers} of {entry['count']}")
            continue
        if numbers != list(range(entry["count"])):
            raise Invalid(f"family {family:#x}: block numbers {numbers[:8]}... are not 0..{entry['count'] - 1}")
        targets = [target for _, target, _ in entry["blocks"]]
        if family != FAMILY_ABSOLUTE and targets != sorted(set(targets)):
            raise Invalid(f"family {family:#x}: targets are not strictly ascending")
    return families


def runs(blocks):
    """Contiguous runs of pages as [start, end) pairs."""
    out = []
    for _, target, payload in blocks:
        if out and out[-1][1] == target:
            out[-1][1] = target + len(payload)
        else:
            out.append([target, target + len(payload)])
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("uf2")
    parser.add_argument("--family", type=lambda text: int(text, 0))
    parser.add_argument("--bin")
    args = parser.parse_args()
    with open(args.uf2, "rb") as file:
        data = file.read()
    try:
        families = decode(data)
        candidates = [family for family in families if family != FAMILY_ABSOLUTE]
        family = args.family
        if family is None:
            if len(candidates) != 1:
                raise Invalid(f"{len(candidates)} image families; say which with --family")
            family = candidates[0]
        if family not in families:
            raise Invalid(f"no blocks of family {family:#x}")
    except Invalid as error:
        print(f"uf2-decode: {args.uf2}: {error}", file=sys.stderr)
        return 1
    blocks = families[family]["blocks"]
    start = blocks[0][1]
    end = blocks[-1][1] + len(blocks[-1][2])
    if args.bin:
        image = bytearray(end - start)
        for _, target, payload in blocks:
            image[target - start:target - start + len(payload)] = payload
        with open(args.bin, "wb") as file:
            file.write(image)
    summary = {
        "blocks": {f"{family:#010x}": len(entry["blocks"]) for family, entry in families.items()},
        "family": f"{family:#010x}",
        "start": start,
        "end": end,
        "runs": runs(blocks),
        "absolute_block": FAMILY_ABSOLUTE in families,
    }
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
