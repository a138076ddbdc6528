//! Entries with lazily loaded parts (index.html's `rel="split-entry"`) keep
//! the linker's relocations in their wasm: wasm-split needs them to cut the
//! parts out (pwa/postbuild.mjs). Only theirs: the other entries would carry
//! the relocations to the browser.

fn main() {
    println!("cargo::rerun-if-changed=index.html");
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() != Ok("wasm32") {
        return;
    }
    let page = std::fs::read_to_string("index.html").expect("index.html");
    for line in page
        .lines()
        .filter(|line| line.contains(r#"rel="split-entry""#))
    {
        if let Some(entry) = line
            .split(r#"data-bin=""#)
            .nth(1)
            .and_then(|rest| rest.split('"').next())
        {
            println!("cargo::rustc-link-arg-bin={entry}=--emit-relocs");
        }
    }
}
