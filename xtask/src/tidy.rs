//! Tidy checks run by `cargo test -p xtask` (placeholder).
