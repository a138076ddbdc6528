//! Hamstring Rehab: a guide, a self-check and a routine for runners with high
//! hamstring tendonitis. `content` and `core` are plain Rust, tested natively;
//! the browser-only parts (`storage`, `app`) build for wasm32.

pub mod content;
pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod storage;
