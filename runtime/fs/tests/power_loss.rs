//! Power-loss safety: a NOR flash model that loses power in the middle of a
//! program or an erase, at seeded random points, while files are rewritten,
//! appended and replaced by rename. After every cut the filesystem must mount
//! again, and every file must hold either its old or its new content.

mod common;

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use common::{read_file, APPEND, WRITE_NEW};
use rime_fs::{BlockDevice, Filesystem, FsError, Geometry};

/// A small filesystem so blocks are reused and metadata pairs compact often.
const GEOMETRY: Geometry = Geometry::micropython_rp2(48);
const FILES: [&str; 4] = ["/a.txt", "/b.bin", "/dir/c.txt", "/dir/d.bin"];

/// A deterministic generator (xorshift64*), so a failure replays.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, bound: u64) -> u64 {
        self.next() % bound
    }

    fn bytes(&mut self, length: usize) -> Vec<u8> {
        (0..length).map(|_| self.next() as u8).collect()
    }
}

#[derive(Default)]
struct Cuts {
    mid_program: usize,
    mid_erase: usize,
}

/// NOR flash: erase sets a block to 0xff, programming can only clear bits.
/// After `budget` programs and erases the power fails: the operation in
/// progress is done only in part (and the byte where it stopped only partly
/// programmed), and every later operation fails.
struct FlakyFlash {
    bytes: Rc<RefCell<Vec<u8>>>,
    budget: Option<u64>,
    dead: bool,
    random: Random,
    cuts: Rc<RefCell<Cuts>>,
}

impl FlakyFlash {
    /// Whether this program or erase is the one the power fails in.
    fn spend(&mut self) -> Result<bool, FsError> {
        if self.dead {
            return Err(FsError::Io);
        }
        match &mut self.budget {
            Some(0) => {
                self.dead = true;
                Ok(true)
            }
            Some(left) => {
                *left -= 1;
                Ok(false)
            }
            None => Ok(false),
        }
    }
}

impl BlockDevice for FlakyFlash {
    fn read(&mut self, block: u32, offset: u32, buffer: &mut [u8]) -> Result<(), FsError> {
        if self.dead {
            return Err(FsError::Io);
        }
        let start = (block * GEOMETRY.block_size + offset) as usize;
        buffer.copy_from_slice(&self.bytes.borrow()[start..start + buffer.len()]);
        Ok(())
    }

    fn prog(&mut self, block: u32, offset: u32, data: &[u8]) -> Result<(), FsError> {
        let cut = self.spend()?;
        let start = (block * GEOMETRY.block_size + offset) as usize;
        let done = if cut { self.random.below(data.len() as u64) as usize } else { data.len() };
        let mut bytes = self.bytes.borrow_mut();
        for (index, &byte) in data[..done].iter().enumerate() {
            bytes[start + index] &= byte;
        }
        if cut {
            // The byte being programmed when the power failed: some of its
            // bits are cleared, the others are not.
            bytes[start + done] &= data[done] | self.random.next() as u8;
            self.cuts.borrow_mut().mid_program += 1;
            return Err(FsError::Io);
        }
        Ok(())
    }

    fn erase(&mut self, block: u32) -> Result<(), FsError> {
        let cut = self.spend()?;
        let size = GEOMETRY.block_size as usize;
        let start = block as usize * size;
        let done = if cut { self.random.below(size as u64) as usize } else { size };
        self.bytes.borrow_mut()[start..start + done].fill(0xff);
        if cut {
            self.cuts.borrow_mut().mid_erase += 1;
            return Err(FsError::Io);
        }
        Ok(())
    }
}

/// One change to the files, which a power cut may interrupt.
enum Change {
    Rewrite(usize, Vec<u8>),
    Append(usize, Vec<u8>),
    /// Write a temporary file, then rename it over the file.
    Replace(usize, Vec<u8>),
}

fn apply(fs: std::pin::Pin<&mut Filesystem<FlakyFlash>>, change: &Change) -> Result<(), FsError> {
    let mut fs = fs;
    let (path, flags, content) = match change {
        Change::Rewrite(file, content) => (FILES[*file], WRITE_NEW, content),
        Change::Append(file, content) => (FILES[*file], APPEND, content),
        Change::Replace(_, content) => ("/tmp.new", WRITE_NEW, content),
    };
    let handle = fs.as_mut().open(path, flags)?;
    // In pieces, as a program logging data would write.
    for piece in content.chunks(900) {
        fs.as_mut().write(handle, piece)?;
    }
    fs.as_mut().close(handle)?;
    if let Change::Replace(file, _) = change {
        fs.as_mut().rename("/tmp.new", FILES[*file])?;
    }
    Ok(())
}

#[test]
fn every_power_cut_leaves_a_mountable_filesystem_with_old_or_new_files() {
    let bytes = Rc::new(RefCell::new(vec![0xff; GEOMETRY.total_bytes()]));
    let cuts = Rc::new(RefCell::new(Cuts::default()));
    let mut random = Random(0x5eed_1234_abcd_0001);
    let flash = |budget: Option<u64>, seed: u64| FlakyFlash {
        bytes: bytes.clone(),
        budget,
        dead: false,
        random: Random(seed | 1),
        cuts: cuts.clone(),
    };

    let mut committed: BTreeMap<&str, Vec<u8>> = BTreeMap::new();
    {
        let mut fs = Box::pin(Filesystem::<_>::new(flash(None, 1), GEOMETRY).unwrap());
        fs.as_mut().format().unwrap();
        fs.as_mut().mount().unwrap();
        fs.as_mut().mkdir("/dir").unwrap();
        for (index, path) in FILES.iter().enumerate() {
            let content = random.bytes(100 + 1500 * index);
            common::write_file(fs.as_mut(), path, WRITE_NEW, &content);
            committed.insert(path, content);
        }
        fs.as_mut().unmount().unwrap();
    }

    let iterations = 2000;
    let mut interrupted = 0;
    for iteration in 0..iterations {
        let file = random.below(FILES.len() as u64) as usize;
        let length = random.below(12_000) as usize;
        let content = random.bytes(length);
        let change = match random.below(3) {
            0 => Change::Rewrite(file, content),
            1 => Change::Append(file, content[..content.len() / 4].to_vec()),
            _ => Change::Replace(file, content),
        };
        let old = committed[FILES[file]].clone();
        let new = match &change {
            Change::Rewrite(_, content) | Change::Replace(_, content) => content.clone(),
            Change::Append(_, tail) => [old.as_slice(), tail].concat(),
        };
        let budget = random.below(16);
        let outcome = {
            let mut fs = Box::pin(Filesystem::<_>::new(flash(Some(budget), random.next()), GEOMETRY).unwrap());
            // The budget counts from here: mounting only reads.
            fs.as_mut()
                .mount()
                .unwrap_or_else(|error| panic!("iteration {iteration}: mount before the change: {error}"));
            apply(fs.as_mut(), &change)
        };
        if outcome.is_err() {
            interrupted += 1;
        }

        // Power back on: a healthy flash with what the cut left.
        let mut fs = Box::pin(Filesystem::<_>::new(flash(None, 1), GEOMETRY).unwrap());
        fs.as_mut().mount().unwrap_or_else(|error| panic!("iteration {iteration}: mount after the cut: {error}"));
        for (index, path) in FILES.iter().enumerate() {
            let found = read_file(fs.as_mut(), path);
            if index == file {
                assert!(
                    found == old || found == new,
                    "iteration {iteration}: {path} holds {} bytes, neither the old {} nor the new {}",
                    found.len(),
                    old.len(),
                    new.len()
                );
                if outcome.is_ok() {
                    assert_eq!(found, new, "iteration {iteration}: {path} after a change that finished");
                }
                committed.insert(path, found);
            } else {
                assert_eq!(&found, &committed[path], "iteration {iteration}: {path}, not the file changed");
            }
        }
        match fs.as_mut().remove("/tmp.new") {
            Ok(()) | Err(FsError::NotFound) => {}
            Err(error) => panic!("iteration {iteration}: removing the temporary file: {error}"),
        }
        fs.as_mut().unmount().unwrap();
    }
    let cuts = cuts.borrow();
    // The cuts must really land inside operations, of both kinds.
    assert!(interrupted > iterations / 2, "only {interrupted} of {iterations} changes were cut");
    eprintln!(
        "{interrupted} of {iterations} changes cut: {} mid-program, {} mid-erase",
        cuts.mid_program, cuts.mid_erase
    );
    assert!(
        cuts.mid_program > 50 && cuts.mid_erase > 20,
        "{} cuts mid-program, {} mid-erase",
        cuts.mid_program,
        cuts.mid_erase
    );
}
