//! Interoperability with the reference C littlefs (PyPI littlefs-python):
//! images written by rime-fs are read by it and the other way round, with
//! MicroPython's rp2 geometry (4096-byte blocks, 352 of them on the Pico).

mod common;

use common::{dump, littlefs_python, pattern, read_file, scratch, write_file, APPEND, WRITE_NEW};
use rime_fs::{Filesystem, FsError, Geometry, SliceDevice};

const PICO_BLOCKS: u32 = 352;

#[test]
fn an_image_rime_writes_reads_the_same_in_c_littlefs_and_back() {
    let geometry = Geometry::micropython_rp2(PICO_BLOCKS);
    let mut image = vec![0xff; geometry.total_bytes()];
    let rime_dump = {
        let device = SliceDevice::new(&mut image, geometry.block_size).unwrap();
        let mut fs = Box::pin(Filesystem::<_>::new(device, geometry).unwrap());
        fs.as_mut().format().unwrap();
        fs.as_mut().mount().unwrap();
        fs.as_mut().mkdir("/lib").unwrap();
        fs.as_mut().mkdir("/lib/sub").unwrap();
        write_file(fs.as_mut(), "/lib/hello.py", WRITE_NEW, b"print('hello')\n");
        write_file(fs.as_mut(), "/big.bin", WRITE_NEW, &pattern(20_000, 1));
        write_file(fs.as_mut(), "/append.txt", WRITE_NEW, b"written by rime");
        write_file(fs.as_mut(), "/gone.txt", WRITE_NEW, b"to be removed");
        write_file(fs.as_mut(), "/old-name.txt", WRITE_NEW, b"renamed later");
        dump(fs.as_mut())
    };
    let path = scratch("rime-made");
    std::fs::write(&path, &image).unwrap();
    assert_eq!(littlefs_python(&["dump", path.to_str().unwrap()]), rime_dump);
    assert!(rime_dump.iter().any(|line| line.starts_with("f /big.bin 20000 ")), "{rime_dump:?}");

    // The C littlefs changes the image; rime reads what it made.
    let python_dump = littlefs_python(&["modify", path.to_str().unwrap()]);
    let mut image = std::fs::read(&path).unwrap();
    std::fs::remove_file(&path).unwrap();
    let device = SliceDevice::new(&mut image, geometry.block_size).unwrap();
    let mut fs = Box::pin(Filesystem::<_>::new(device, geometry).unwrap());
    fs.as_mut().mount().unwrap();
    assert_eq!(dump(fs.as_mut()), python_dump);
    assert_eq!(read_file(fs.as_mut(), "/append.txt"), b"written by rime and appended by python");
    assert_eq!(read_file(fs.as_mut(), "/from-python/p.bin"), pattern(5000, 9));
    assert_eq!(fs.as_mut().stat("/gone.txt"), Err(FsError::NotFound));
}

#[test]
fn an_image_c_littlefs_writes_reads_the_same_in_rime_and_back() {
    let path = scratch("python-made");
    std::fs::write(&path, b"").unwrap();
    let python_dump = littlefs_python(&["make", path.to_str().unwrap(), &PICO_BLOCKS.to_string()]);
    let mut image = std::fs::read(&path).unwrap();
    let geometry = Geometry::micropython_rp2(PICO_BLOCKS);
    assert_eq!(image.len(), geometry.total_bytes());
    let rime_dump = {
        let device = SliceDevice::new(&mut image, geometry.block_size).unwrap();
        let mut fs = Box::pin(Filesystem::<_>::new(device, geometry).unwrap());
        fs.as_mut().mount().unwrap();
        assert_eq!(dump(fs.as_mut()), python_dump);
        assert_eq!(read_file(fs.as_mut(), "/lib/util.py"), b"def double(x):\n    return 2 * x\n");
        assert_eq!(read_file(fs.as_mut(), "/data/big.bin"), pattern(30000, 3));
        // Changes of every kind, which the C littlefs must then see.
        write_file(fs.as_mut(), "/readme.txt", APPEND, b"and appended by rime\n");
        fs.as_mut().remove("/data/empty").unwrap();
        fs.as_mut().rename("/data/big.bin", "/lib/big.bin").unwrap();
        fs.as_mut().mkdir("/logs").unwrap();
        write_file(fs.as_mut(), "/logs/1.txt", WRITE_NEW, &pattern(9000, 5));
        let usage = fs.as_mut().usage().unwrap();
        assert_eq!((usage.block_size, usage.block_count), (4096, PICO_BLOCKS));
        assert!(usage.blocks_used > 2 && usage.blocks_used < 20, "{usage:?}");
        dump(fs.as_mut())
    };
    std::fs::write(&path, &image).unwrap();
    let python_dump = littlefs_python(&["dump", path.to_str().unwrap()]);
    std::fs::remove_file(&path).unwrap();
    assert_eq!(python_dump, rime_dump);
    assert!(python_dump.iter().any(|line| line.starts_with("f /logs/1.txt 9000 ")), "{python_dump:?}");
    assert!(python_dump.iter().any(|line| line.starts_with("f /readme.txt 45 ")), "{python_dump:?}");
}
