//! Provisioning of the thumb targets (placeholder).
