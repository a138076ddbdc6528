//! Hamstring Rehab: a guide, a self-check and a routine for runners with high
//! hamstring tendonitis. The rules live in `hamstring-domain` and the words in
//! `hamstring-content` (`crates/`); this crate is the web app: `storage` (the
//! only code that touches localStorage), `store` (state and shared actions),
//! `components` and `pages`.

pub mod app;
pub mod browser;
pub mod components;
pub mod listeners;
pub mod pages;
#[cfg(target_arch = "wasm32")]
pub mod start;
pub mod storage;
pub mod store;
