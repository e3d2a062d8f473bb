//! A page's `<head>` as link previews and search engines read it, parsed
//! with html5ever's tokenizer (the HTML parser convene's sanitiser uses):
//! attributes come back with their character references decoded, and a
//! script's text is read as script data, exactly as a browser reads it.

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use std::cell::RefCell;
use std::collections::BTreeMap;

#[derive(Debug, Default)]
pub struct Head {
    /// The text of `<title>`.
    pub title: String,
    /// `<meta property|name=K content=V>`, every value of each key.
    pub meta: BTreeMap<String, Vec<String>>,
    /// `<link rel="canonical">`.
    pub canonical: Option<String>,
    /// The text of each `<script type="application/ld+json">`, unparsed.
    pub json_ld: Vec<String>,
}

impl Head {
    /// The one value of a meta key; panics when it is given twice, which
    /// a link preview would read as either.
    pub fn one(&self, key: &str) -> Option<&str> {
        let values = self.meta.get(key)?;
        assert_eq!(values.len(), 1, "{key} given {} times", values.len());
        values.first().map(String::as_str)
    }
}

/// Read the head of an HTML document.
pub fn parse(html: &str) -> Head {
    let tokenizer = Tokenizer::new(Reader::default(), TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.head.take()
}

/// Where text is going: nowhere, the title, or a JSON-LD block.
#[derive(Default, Clone, Copy, PartialEq)]
enum Text {
    #[default]
    Nowhere,
    Title,
    JsonLd,
}

#[derive(Default)]
struct Reader {
    head: RefCell<Head>,
    into: RefCell<Text>,
}

impl TokenSink for Reader {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut head = self.head.borrow_mut();
        match token {
            Token::TagToken(Tag {
                kind: TagKind::StartTag,
                name,
                attrs,
                ..
            }) => {
                let attr = |key: &str| {
                    attrs
                        .iter()
                        .find(|a| &*a.name.local == key)
                        .map(|a| a.value.to_string())
                };
                match &*name {
                    "meta" => {
                        if let (Some(key), Some(content)) =
                            (attr("property").or_else(|| attr("name")), attr("content"))
                        {
                            head.meta.entry(key).or_default().push(content);
                        }
                    }
                    "link" if attr("rel").as_deref() == Some("canonical") => {
                        head.canonical = attr("href");
                    }
                    "title" => {
                        *self.into.borrow_mut() = Text::Title;
                        return TokenSinkResult::RawData(RawKind::Rcdata);
                    }
                    "script" => {
                        if attr("type").as_deref() == Some("application/ld+json") {
                            head.json_ld.push(String::new());
                            *self.into.borrow_mut() = Text::JsonLd;
                        }
                        return TokenSinkResult::RawData(RawKind::ScriptData);
                    }
                    _ => {}
                }
            }
            Token::TagToken(Tag {
                kind: TagKind::EndTag,
                ..
            }) => *self.into.borrow_mut() = Text::Nowhere,
            Token::CharacterTokens(text) => match *self.into.borrow() {
                Text::Title => head.title.push_str(&text),
                Text::JsonLd => head.json_ld.last_mut().unwrap().push_str(&text),
                Text::Nowhere => {}
            },
            _ => {}
        }
        TokenSinkResult::Continue
    }
}
