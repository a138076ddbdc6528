//! The guide's light markup: `**strong**` and `[text](/internal#link)`.
//! Content is parsed into spans that components render as elements, so no
//! text ever becomes raw HTML.

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Span<'a> {
    Text(&'a str),
    Strong(&'a str),
    /// Only internal targets (starting with `/`) become links.
    Link {
        text: &'a str,
        href: &'a str,
    },
}

pub fn parse(text: &str) -> Vec<Span<'_>> {
    let mut spans = Vec::new();
    let mut text_start = 0;
    let mut at = 0;
    while let Some(offset) = text[at..].find(['*', '[']) {
        let marked = &text[at + offset..];
        match strong_span(marked).or_else(|| link_span(marked)) {
            Some((span, after)) => {
                if text_start < at + offset {
                    spans.push(Span::Text(&text[text_start..at + offset]));
                }
                spans.push(span);
                at = text.len() - after.len();
                text_start = at;
            }
            // Not markup after all: the character stays part of the text.
            None => at += offset + 1,
        }
    }
    if text_start < text.len() {
        spans.push(Span::Text(&text[text_start..]));
    }
    spans
}

fn strong_span(text: &str) -> Option<(Span<'_>, &str)> {
    let inner = text.strip_prefix("**")?;
    let end = inner.find("**")?;
    (end > 0).then(|| (Span::Strong(&inner[..end]), &inner[end + 2..]))
}

fn link_span(text: &str) -> Option<(Span<'_>, &str)> {
    let inner = text.strip_prefix('[')?;
    let close = inner.find("](")?;
    let label = &inner[..close];
    let after = &inner[close + 2..];
    let end = after.find(')')?;
    let href = &after[..end];
    let internal = href.starts_with('/') && !href.starts_with("//");
    (internal && !label.is_empty() && !label.contains('['))
        .then(|| (Span::Link { text: label, href }, &after[end + 1..]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn strong_and_links() {
        assert_eq!(
            parse("Go **easy** and [take the check](/check) now."),
            vec![
                Span::Text("Go "),
                Span::Strong("easy"),
                Span::Text(" and "),
                Span::Link {
                    text: "take the check",
                    href: "/check"
                },
                Span::Text(" now."),
            ]
        );
    }

    #[test]
    fn external_and_broken_markup_stay_text() {
        assert_eq!(
            parse("[x](https://evil.example) and [y](//evil) **open"),
            vec![Span::Text(
                "[x](https://evil.example) and [y](//evil) **open"
            )]
        );
        assert_eq!(parse("<script>"), vec![Span::Text("<script>")]);
    }

    proptest! {
        #[test]
        fn parsing_never_panics_and_keeps_every_character_of_plain_text(text in "[a-z \\[\\]()*/#é]{0,40}") {
            let spans = parse(&text);
            let total: usize = spans.iter().map(|s| match s {
                Span::Text(t) | Span::Strong(t) => t.len(),
                Span::Link { text, href } => text.len() + href.len(),
            }).sum();
            prop_assert!(total <= text.len());
            if !text.contains('*') && !text.contains('[') {
                prop_assert_eq!(spans, vec![Span::Text(&text)].into_iter().filter(|_| !text.is_empty()).collect::<Vec<_>>());
            }
        }
    }
}
