//! Data-driven tests of the manifest library (placeholder while building).
