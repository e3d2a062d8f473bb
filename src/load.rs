//! Walk a site folder and read every content file into a `Corpus`.
//! Problems in one file never stop the others from being read.

use crate::config::SiteConfig;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::frontmatter::{self, FrontMatter};
use crate::model::*;
use crate::Error;
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

pub fn site(root: &Path, diags: &mut Diagnostics) -> Result<Corpus, Error> {
    if !root.is_dir() {
        return Err(Error::NotASite(root.to_path_buf()));
    }
    let mut found = Vec::new();
    let config = match std::fs::read(root.join("hub.yaml")) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => SiteConfig::parse(&text, &mut found),
            Err(_) => {
                found.push(not_utf8(Path::new("hub.yaml")));
                SiteConfig::default()
            }
        },
        Err(_) => {
            found.push(
                Diagnostic::error("hub.yaml", 0, "this folder has no hub.yaml, so it is not a convene site")
                    .with_hint("run `convene init <folder>` to start a new site, or point convene at the folder that holds hub.yaml"),
            );
            SiteConfig::default()
        }
    };
    diags.extend(found);

    let mut unreadable = Vec::new();
    let mut corpus = Corpus {
        root: root.to_path_buf(),
        config,
        people: load_kind(root, "people", person, diags, &mut unreadable),
        stories: load_kind(root, "stories", story, diags, &mut unreadable),
        guidelines: load_kind(root, "guidelines", guideline, diags, &mut unreadable),
        campaigns: load_kind(root, "campaigns", campaign, diags, &mut unreadable),
        static_files: Default::default(),
        unreadable: Default::default(),
    };
    corpus.people.sort_by(|a, b| a.slug.cmp(&b.slug));
    corpus
        .stories
        .sort_by(|a, b| a.slug.cmp(&b.slug).then(a.source.path.cmp(&b.source.path)));
    corpus.guidelines.sort_by(|a, b| a.slug.cmp(&b.slug));
    corpus.campaigns.sort_by(|a, b| a.slug.cmp(&b.slug));
    corpus.static_files = static_files(root, diags);
    corpus.unreadable = unreadable.into_iter().collect();
    Ok(corpus)
}

fn person(stem: String, meta: PersonMeta, source: Source) -> Person {
    Person {
        slug: PersonSlug::new(stem),
        meta,
        source,
    }
}

fn story(stem: String, meta: StoryMeta, source: Source) -> Story {
    Story {
        slug: StorySlug::new(strip_date(&stem)),
        meta,
        source,
    }
}

fn guideline(stem: String, meta: GuidelineMeta, source: Source) -> Guideline {
    Guideline {
        slug: GuidelineSlug::new(stem),
        meta,
        source,
    }
}

fn campaign(stem: String, meta: CampaignMeta, source: Source) -> Campaign {
    Campaign {
        slug: CampaignSlug::new(stem),
        meta,
        source,
    }
}

/// Read one content file again after an edit (for `serve`). `None` if the
/// file is not content or cannot be used; the reasons go to `out`.
pub fn item(root: &Path, rel: &Path, out: &mut Vec<Diagnostic>) -> Option<Item> {
    let is_markdown = rel.extension().is_some_and(|e| e == "md") && rel.components().count() == 2;
    let folder = rel.components().next()?.as_os_str().to_str()?;
    if !is_markdown {
        return None;
    }
    match folder {
        "people" => read_item(root, rel, out).map(|(s, m, src)| Item::Person(person(s, m, src))),
        "stories" => read_item(root, rel, out).map(|(s, m, src)| Item::Story(story(s, m, src))),
        "guidelines" => {
            read_item(root, rel, out).map(|(s, m, src)| Item::Guideline(guideline(s, m, src)))
        }
        "campaigns" => {
            read_item(root, rel, out).map(|(s, m, src)| Item::Campaign(campaign(s, m, src)))
        }
        _ => None,
    }
}

/// `2025-05-12-otter-survey` -> `otter-survey`.
fn strip_date(stem: &str) -> String {
    let b = stem.as_bytes();
    let dated = b.len() > 11
        && b[..10].iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
        && b[10] == b'-';
    if dated {
        stem[11..].to_string()
    } else {
        stem.to_string()
    }
}

fn load_kind<M, T>(
    root: &Path,
    folder: &str,
    make: impl Fn(String, M, Source) -> T + Sync,
    diags: &mut Diagnostics,
    unreadable: &mut Vec<PathBuf>,
) -> Vec<T>
where
    M: FrontMatter + Send,
    T: Send,
{
    let files: Vec<PathBuf> = WalkDir::new(root.join(folder))
        .min_depth(1)
        .max_depth(1)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "md"))
        .map(|e| Path::new(folder).join(e.file_name()))
        .collect();
    let results: Vec<(Option<T>, Vec<Diagnostic>)> = files
        .par_iter()
        .map(|rel| {
            let mut found = Vec::new();
            let item = read_item::<M>(root, rel, &mut found)
                .map(|(stem, meta, source)| make(stem, meta, source));
            (item, found)
        })
        .collect();
    let mut items = Vec::with_capacity(results.len());
    for ((item, found), rel) in results.into_iter().zip(files) {
        match item {
            Some(item) => items.push(item),
            None => unreadable.push(rel),
        }
        diags.extend(found);
    }
    items
}

fn read_item<M: FrontMatter>(
    root: &Path,
    rel: &Path,
    out: &mut Vec<Diagnostic>,
) -> Option<(String, M, Source)> {
    let bytes = match std::fs::read(root.join(rel)) {
        Ok(b) => b,
        Err(e) => {
            out.push(Diagnostic::error(
                rel,
                0,
                format!("this file can't be read: {e}"),
            ));
            return None;
        }
    };
    let Ok(text) = String::from_utf8(bytes) else {
        out.push(not_utf8(rel));
        return None;
    };
    let stem = rel
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let check_stem = if M::KIND == "story" {
        strip_date(&stem)
    } else {
        stem.clone()
    };
    if !is_clean_slug(&check_stem) {
        out.push(
            Diagnostic::error(
                rel,
                0,
                format!("the file name `{stem}.md` can't be used in a web address"),
            )
            .with_hint(format!(
                "use lowercase letters, digits and dashes, e.g. `{}.md`",
                slugify(&stem)
            )),
        );
        return None;
    }
    let split = match frontmatter::split(&text, rel) {
        Ok(s) => s,
        Err(d) => {
            out.push(d);
            return None;
        }
    };
    let meta = frontmatter::parse::<M>(&split, rel, out)?;
    let source = Source {
        path: rel.to_path_buf(),
        front_matter: split.yaml.to_string(),
        body: split.body.to_string(),
        body_line: split.body_line,
    };
    Some((stem, meta, source))
}

fn not_utf8(rel: &Path) -> Diagnostic {
    Diagnostic::error(rel, 0, "this file is not UTF-8 text")
        .with_hint("save it as UTF-8 (most editors offer this under \"Save as\" or \"Encoding\")")
}

/// Every regular file under static/, relative to static/. Symlinks are not
/// followed: a link could point anywhere on the machine that builds the site.
fn static_files(root: &Path, diags: &mut Diagnostics) -> std::collections::BTreeSet<PathBuf> {
    let base = root.join("static");
    let mut files = std::collections::BTreeSet::new();
    for entry in WalkDir::new(&base)
        .min_depth(1)
        .follow_links(false)
        .into_iter()
        .filter_map(Result::ok)
    {
        let rel = entry
            .path()
            .strip_prefix(&base)
            .unwrap_or(entry.path())
            .to_path_buf();
        if entry.path_is_symlink() {
            diags.push(
                Diagnostic::warning(
                    Path::new("static").join(&rel),
                    0,
                    "this is a symbolic link, so it is not copied",
                )
                .with_hint("copy the real file into static/ instead"),
            );
        } else if entry.file_type().is_file() {
            files.insert(rel);
        }
    }
    files
}

#[cfg(test)]
mod tests {
    #[test]
    fn story_dates_are_stripped() {
        assert_eq!(super::strip_date("2025-05-12-otter-survey"), "otter-survey");
        assert_eq!(super::strip_date("otter-survey"), "otter-survey");
        assert_eq!(super::strip_date("2025-05-12"), "2025-05-12");
    }
}
