//! The guide as static HTML, written into the built `index.html` so the
//! article paints before the wasm loads (and without WebAssembly at all).
//! The markup mirrors the Leptos components (`app::guide`, the shell) so the
//! app can take over without a visible jump; an end-to-end test compares them.

use crate::content::exercises::CATALOGUE;
use crate::content::guide::{INTRO, SECTIONS, TITLE};
use crate::content::shell::{NavItem, BRAND_ICON, NAV};
use crate::content::{Block, CalloutKind};
use crate::core::markup::{parse, Span};
use std::fmt::Write;

/// Escapes text for element content and double-quoted attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn rich(text: &str) -> String {
    parse(text)
        .into_iter()
        .map(|span| match span {
            Span::Text(t) => escape(t),
            Span::Strong(t) => format!("<strong>{}</strong>", escape(t)),
            Span::Link { text, href } => {
                format!(r#"<a href="{}">{}</a>"#, escape(href), escape(text))
            }
        })
        .collect()
}

fn icon(path: &str) -> String {
    format!(
        r#"<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="{}" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"></path></svg>"#,
        escape(path)
    )
}

fn nav_link(item: &NavItem) -> String {
    let current = if item.href == "/" {
        r#" aria-current="page""#
    } else {
        ""
    };
    format!(
        r#"<a href="{}"{current}>{}<span>{}</span></a>"#,
        item.href,
        icon(item.icon),
        escape(item.label)
    )
}

/// The app shell with the guide in it, as the app draws it on first load.
pub fn guide_page() -> String {
    let mut html = String::new();
    html.push_str(r##"<a class="skip-link" href="#main">Skip to content</a>"##);
    let _ = write!(
        html,
        r#"<header class="topbar"><a href="/" aria-current="page" class="brand">{}Hamstring Rehab</a><nav class="tabs" aria-label="Main">{}</nav><button class="icon-button theme-toggle" type="button" aria-label="Theme: follows your device" title="Theme: follows your device"><span aria-hidden="true">◐</span></button></header>"#,
        icon(BRAND_ICON),
        NAV.iter().map(nav_link).collect::<String>()
    );
    html.push_str(r#"<main id="main" tabindex="-1">"#);
    html.push_str(&guide_article());
    html.push_str("</main>");
    html
}

pub fn guide_article() -> String {
    let mut html = String::new();
    let _ = write!(
        html,
        r#"<article class="page guide"><header class="guide-header"><h1>{}</h1><p class="lead">{}</p></header>"#,
        escape(TITLE),
        rich(INTRO)
    );
    html.push_str(
        r#"<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">In this guide</h2><ol>"#,
    );
    for section in SECTIONS {
        let _ = write!(
            html,
            r##"<li><a href="#{}">{}</a></li>"##,
            section.id,
            escape(section.title)
        );
    }
    html.push_str("</ol></nav>");
    for section in SECTIONS {
        let _ = write!(
            html,
            r#"<section class="guide-section" aria-labelledby="{id}"><h2 id="{id}">{}</h2>"#,
            escape(section.title),
            id = section.id
        );
        for block in section.blocks {
            html.push_str(&block_html(block));
        }
        html.push_str("</section>");
    }
    html.push_str("</article>");
    html
}

fn block_html(block: &Block) -> String {
    let items = |items: &[&str]| {
        items
            .iter()
            .map(|t| format!("<li>{}</li>", rich(t)))
            .collect::<String>()
    };
    match *block {
        Block::Paragraph(text) => format!("<p>{}</p>", rich(text)),
        Block::Subheading(text) => format!("<h3>{}</h3>", escape(text)),
        Block::Bullets(list) => format!("<ul>{}</ul>", items(list)),
        Block::Numbered(list) => format!("<ol>{}</ol>", items(list)),
        Block::Callout { kind, title, text } => {
            let class = match kind {
                CalloutKind::Caution => "callout caution",
                CalloutKind::Tip => "callout tip",
                CalloutKind::Story => "callout story",
            };
            let body: String = text.iter().map(|t| format!("<p>{}</p>", rich(t))).collect();
            format!(
                r#"<aside class="{class}"><p class="callout-title"><strong>{}</strong></p>{body}</aside>"#,
                escape(title)
            )
        }
        Block::ExerciseList => {
            let cards: String = CATALOGUE
                .iter()
                .map(|e| {
                    format!(
                        r#"<li><a href="/routine#{}"><strong>{}</strong></a><span class="dose">{}</span><span class="trains">{}</span></li>"#,
                        e.id.anchor(),
                        escape(e.name),
                        escape(e.dose_text),
                        escape(e.trains)
                    )
                })
                .collect();
            format!(r#"<ul class="exercise-summary">{cards}</ul>"#)
        }
        Block::Citation(text) => {
            format!(r#"<p class="citation"><cite>{}</cite></p>"#, escape(text))
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn escapes_everything_that_could_become_markup() {
        assert_eq!(
            escape(r#"<a href="x">&'"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
        assert_eq!(rich("**<b>**"), "<strong>&lt;b&gt;</strong>");
    }

    #[test]
    fn the_page_holds_every_section_and_the_shell() {
        let page = guide_page();
        for section in SECTIONS {
            assert!(
                page.contains(&format!(r#"<h2 id="{}">"#, section.id)),
                "{}",
                section.id
            );
        }
        assert!(page.contains(r#"<nav class="tabs" aria-label="Main">"#));
        assert_eq!(page.matches("<section").count(), SECTIONS.len());
        assert!(!page.contains("**"), "markup was rendered");
    }
}
