//! Templates: the embedded default theme, overridden file by file by a
//! site's own templates/ folder (lookup: site -> named theme -> built-in).

use crate::highlight::Highlighter;
use crate::languages::interface::{Interface, Speech};
use crate::languages::Language;
use crate::output::OutputFile;
use crate::routes;
use crate::Error;
use serde::Serialize;
use std::path::{Path, PathBuf};

/// Embed files of the default theme, naming each once.
macro_rules! embed {
    ($folder:literal: $($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../themes/default/", $folder, "/", $name)))),*]
    };
}

/// The default theme, compiled into the binary so `convene build` works
/// from any folder.
const DEFAULT_TEMPLATES: &[(&str, &str)] = embed!("templates":
    "base.html", "macros.html", "home.html", "people.html", "person.html", "stories.html", "story.html",
    "campaigns.html", "campaign.html", "guidelines.html", "guideline.html", "facets.html", "facet.html",
    "respond.html", "search.html", "404.html", "alias.html", "site_header.html", "site_footer.html",
    "person_card.html", "story_card.html", "share_block.html", "share_kit.html", "feed.xml",
    "share_card.svg", "signature.html", "signatures.html", "accessibility.html",
);

/// Stylesheets and scripts, published under `assets/` in both sites.
const DEFAULT_ASSETS: &[(&str, &str)] = embed!("static": "convene.css", "directory.js", "search.js", "share.js", "signature.js", "file-links.js");

pub use crate::config::THEMES;

pub struct Theme {
    tera: tera::Tera,
    /// The language this theme's templates speak, and what they say of
    /// the site's other languages (for the switcher and `hreflang`).
    speech: Speech,
    languages: Vec<LanguageName>,
    assets: Vec<OutputFile>,
    /// The text of `share_card.svg` as used (the site's, if it has one):
    /// part of each card's cache key.
    card_source: String,
}

impl Theme {
    /// Compile the theme once, with the site's overrides from `templates/`.
    pub fn load(site: &Path, theme: &str) -> Result<Theme, Error> {
        if !THEMES.contains(&theme) {
            return Err(Error::Theme(format!(
                "hub.yaml asks for the theme `{theme}`, but convene only has: {}",
                THEMES.join(", ")
            )));
        }
        let mut templates: Vec<(String, String)> = DEFAULT_TEMPLATES
            .iter()
            .map(|(n, t)| (n.to_string(), t.to_string()))
            .collect();
        for (name, text) in site_templates(&site.join("templates"))? {
            match templates.iter_mut().find(|(n, _)| *n == name) {
                Some(slot) => slot.1 = text,
                None => templates.push((name, text)),
            }
        }
        let card_source = templates
            .iter()
            .find(|(n, _)| n == "share_card.svg")
            .map(|(_, t)| t.clone())
            .unwrap_or_default();
        let mut tera = tera::Tera::default();
        tera.autoescape_on(vec![".html", ".xml", ".svg"]);
        tera.set_escape_fn(crate::html::escape_html);
        tera.add_raw_templates(templates)
            .map_err(|e| Error::Theme(describe_tera(&e)))?;
        let speech = Speech::builtin_english();
        tera.register_function("t", speech.template_function());
        let mut assets: Vec<OutputFile> = DEFAULT_ASSETS
            .iter()
            .map(|(name, text)| OutputFile {
                path: PathBuf::from(routes::asset(name)),
                bytes: text.as_bytes().to_vec(),
            })
            .collect();
        assets.push(OutputFile {
            path: PathBuf::from(routes::asset("syntax.css")),
            bytes: Highlighter::stylesheet().into_bytes(),
        });
        Ok(Theme {
            tera,
            languages: vec![LanguageName {
                tag: speech.tag.clone(),
                prefix: String::new(),
                name: speech.text("language-name", None),
            }],
            speech,
            assets,
            card_source,
        })
    }

    /// The theme once per language of the site, the default first, each
    /// speaking its language through `t(...)`.
    pub fn in_languages(&self, languages: &[Language], interface: &Interface) -> Vec<Theme> {
        let names: Vec<LanguageName> = languages
            .iter()
            .zip(&interface.speeches)
            .map(|(lang, speech)| LanguageName {
                tag: lang.tag.clone(),
                prefix: lang.prefix.clone(),
                name: speech.text("language-name", None),
            })
            .collect();
        interface
            .speeches
            .iter()
            .map(|speech| {
                let mut tera = self.tera.clone();
                tera.register_function("t", speech.template_function());
                Theme {
                    tera,
                    speech: speech.clone(),
                    languages: names.clone(),
                    assets: self.assets.clone(),
                    card_source: self.card_source.clone(),
                }
            })
            .collect()
    }

    /// The site's theme once per language of the site (see `in_languages`),
    /// with what is wrong in its interface texts in `out`.
    pub fn for_site(
        site: &Path,
        config: &crate::config::SiteConfig,
        out: &mut Vec<crate::diagnostics::Diagnostic>,
    ) -> Result<Vec<Theme>, Error> {
        let languages = crate::languages::of(config);
        let interface = Interface::load(site, &languages, out);
        for (rel, text) in Theme::site_templates(site) {
            interface.check_template(&rel, &text, out);
        }
        Ok(Theme::load(site, &config.theme)?.in_languages(&languages, &interface))
    }

    /// The interface texts of the language this theme speaks.
    pub fn speech(&self) -> &Speech {
        &self.speech
    }

    /// The site's languages, the default first, each named in itself.
    pub fn languages(&self) -> &[LanguageName] {
        &self.languages
    }

    /// The site's own templates (`templates/`), for `check` to see which
    /// interface texts they ask for.
    pub fn site_templates(site: &Path) -> Vec<(PathBuf, String)> {
        site_templates(&site.join("templates"))
            .unwrap_or_default()
            .into_iter()
            .map(|(name, text)| (Path::new("templates").join(name), text))
            .collect()
    }
    pub fn render<T: Serialize>(&self, template: &str, page: &T) -> Result<String, Error> {
        self.render_context(template, &context(page)?)
    }

    /// Render a page, with the header and footer that frame it as `chrome`.
    pub fn render_framed<T: Serialize>(
        &self,
        template: &str,
        page: &T,
        chrome: &impl Serialize,
    ) -> Result<String, Error> {
        let mut ctx = context(page)?;
        ctx.insert("chrome", chrome);
        self.render_context(template, &ctx)
    }

    fn render_context(&self, template: &str, ctx: &tera::Context) -> Result<String, Error> {
        self.tera
            .render(template, ctx)
            .map_err(|e| Error::Theme(describe_tera(&e)))
    }

    /// The built-in theme's words, as its templates write them: a private
    /// value that says the same is not leaked by saying it. (A site's own
    /// templates are not counted: a phone number typed into one is a leak.)
    pub fn builtin_texts() -> impl Iterator<Item = &'static str> {
        DEFAULT_TEMPLATES.iter().map(|(_, text)| *text)
    }

    /// The share card template's text.
    pub fn card_source(&self) -> &str {
        &self.card_source
    }

    pub fn assets(&self) -> Vec<OutputFile> {
        self.assets.clone()
    }
}

/// A language of the site as its switcher shows it: `Cymraeg`, `cy/`.
#[derive(Debug, Clone, Serialize)]
pub struct LanguageName {
    pub tag: String,
    pub prefix: String,
    /// The language's name in itself.
    pub name: String,
}

fn context<T: Serialize>(page: &T) -> Result<tera::Context, Error> {
    tera::Context::from_serialize(page).map_err(|e| Error::Theme(describe_tera(&e)))
}

fn site_templates(dir: &Path) -> Result<Vec<(String, String)>, Error> {
    let mut found = Vec::new();
    if !dir.is_dir() {
        return Ok(found);
    }
    for entry in walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
    {
        if !entry.file_type().is_file() {
            continue;
        }
        let name = entry.path().strip_prefix(dir).unwrap_or(entry.path());
        let name = routes::static_url(name);
        let text = std::fs::read_to_string(entry.path()).map_err(|e| Error::Io {
            path: entry.path().to_path_buf(),
            message: e.to_string(),
        })?;
        found.push((name, text));
    }
    Ok(found)
}

/// Tera nests the real cause; show the whole chain.
fn describe_tera(e: &tera::Error) -> String {
    let mut text = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    text
}
