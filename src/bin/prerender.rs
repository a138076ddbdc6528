//! Prints the guide page as static HTML, for the build to put in index.html
//! (see pwa/postbuild.mjs).

fn main() {
    print!("{}", hamstring_rehab::core::prerender::guide_page());
}
