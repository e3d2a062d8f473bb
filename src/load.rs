//! Walk a site folder and read every content file into a `Corpus`.
//! Problems in one file never stop the others from being read.

use crate::config::SiteConfig;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::frontmatter::{self, FrontMatter};
use crate::model::*;
use crate::Error;
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::io::Read as _;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// The folders that hold content, each read the same way.
pub const CONTENT_FOLDERS: &[&str] = &["people", "stories", "guidelines", "campaigns"];

/// How files are read: the size limit applies to every file in the site.
#[derive(Debug, Clone, Copy)]
struct Reader<'a> {
    root: &'a Path,
    max_file_size: u64,
}

pub fn site(root: &Path, max_file_size: u64, diags: &mut Diagnostics) -> Result<Corpus, Error> {
    if !root.is_dir() {
        return Err(Error::NotASite(root.to_path_buf()));
    }
    let reader = Reader {
        root,
        max_file_size,
    };
    let config = hub_config(reader, diags);

    let languages = crate::languages::of(&config);
    let mut unreadable = Vec::new();
    let mut translated = Vec::new();
    let mut files = |folder: &str, diags: &mut Diagnostics| {
        let files = content_files(root, folder, diags);
        translations_apart(files, &languages, diags, &mut translated)
    };
    let people = files("people", diags);
    let stories = files("stories", diags);
    let guidelines = files("guidelines", diags);
    let campaigns = files("campaigns", diags);
    let mut corpus = Corpus {
        root: root.to_path_buf(),
        config,
        people: load_kind(reader, people, person, diags, &mut unreadable),
        stories: load_kind(reader, stories, story, diags, &mut unreadable),
        guidelines: load_kind(reader, guidelines, guideline, diags, &mut unreadable),
        campaigns: load_kind(reader, campaigns, campaign, diags, &mut unreadable),
        translations: translations(reader, translated, diags),
        static_files: BTreeSet::new(),
        pictures: Default::default(),
        unreadable: Default::default(),
    };
    corpus.people.sort_by(|a, b| a.slug.cmp(&b.slug));
    corpus
        .stories
        .sort_by(|a, b| a.slug.cmp(&b.slug).then(a.source.path.cmp(&b.source.path)));
    corpus.guidelines.sort_by(|a, b| a.slug.cmp(&b.slug));
    corpus.campaigns.sort_by(|a, b| a.slug.cmp(&b.slug));
    corpus.static_files = static_files(reader, diags);
    corpus.pictures = crate::survey::Pictures::of(&root.join("static"), &corpus.static_files);
    linked_templates(root, diags);
    corpus.unreadable = unreadable.into_iter().collect();
    Ok(corpus)
}

fn person(stem: String, mut meta: PersonMeta, source: Source) -> Person {
    canonical_static(&mut meta.photo);
    // A door code written `0x4F3A2B` is shown, and looked for, as written.
    crate::frontmatter::numbers_as_written(&source.front_matter, "internal", &mut meta.internal);
    Person {
        slug: PersonSlug::new(stem),
        meta,
        source,
    }
}

fn story(stem: String, mut meta: StoryMeta, source: Source) -> Story {
    canonical_static(&mut meta.image);
    Story {
        slug: StorySlug::new(strip_date(&stem)),
        meta,
        source,
    }
}

/// A `photo:` or `image:` is spelt one way from here on, so that deciding
/// what the public hub withholds compares like with like. A value that is
/// no file under static/ stays as written, for `check` to report.
fn canonical_static(field: &mut Option<String>) {
    if let Some(file) = field.as_deref().and_then(crate::routes::static_file) {
        *field = Some(file);
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
pub fn item(
    root: &Path,
    max_file_size: u64,
    rel: &Path,
    out: &mut Vec<Diagnostic>,
) -> Option<Item> {
    let reader = Reader {
        root,
        max_file_size,
    };
    content_folder(rel)?;
    let text = reader.text(rel, out)?;
    item_at(&text, rel, out)
}

/// The content folder `rel` is a Markdown file of, if it is one.
fn content_folder(rel: &Path) -> Option<&str> {
    let is_markdown = rel.extension().is_some_and(|e| e == "md") && rel.components().count() == 2;
    let folder = rel.components().next()?.as_os_str().to_str()?;
    let content = ["people", "stories", "guidelines", "campaigns"].contains(&folder);
    (is_markdown && content).then_some(folder)
}

/// `text` read as the content file `rel` (its folder says which kind), as
/// a site's files are: the fuzz targets drive this very code.
pub fn item_at(text: &str, rel: &Path, out: &mut Vec<Diagnostic>) -> Option<Item> {
    match content_folder(rel)? {
        "people" => {
            item_from_text(text, rel, out).map(|(s, m, src)| Item::Person(person(s, m, src)))
        }
        "stories" => {
            item_from_text(text, rel, out).map(|(s, m, src)| Item::Story(story(s, m, src)))
        }
        "guidelines" => {
            item_from_text(text, rel, out).map(|(s, m, src)| Item::Guideline(guideline(s, m, src)))
        }
        _ => item_from_text(text, rel, out).map(|(s, m, src)| Item::Campaign(campaign(s, m, src))),
    }
}

/// hub.yaml, or the defaults (with the reason reported) so that the rest of
/// the site is still checked.
fn hub_config(reader: Reader, diags: &mut Diagnostics) -> SiteConfig {
    let mut found = Vec::new();
    let hub = Path::new("hub.yaml");
    let config = if reader.root.join(hub).symlink_metadata().is_err() {
        found.push(
            Diagnostic::error(hub, 0, "this folder has no hub.yaml, so it is not a convene site")
                .with_hint("run `convene init <folder>` to start a new site, or point convene at the folder that holds hub.yaml"),
        );
        SiteConfig::default()
    } else {
        match reader.text(hub, &mut found) {
            Some(text) => {
                let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
                let config = SiteConfig::parse(text, &mut found);
                let mut fields = Diagnostics::default();
                crate::validate::hub(&config, text, &mut fields);
                found.extend(fields);
                config
            }
            None => SiteConfig::default(),
        }
    };
    diags.extend(found);
    config
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

/// Content files with translations set apart (into `translated`, with
/// the language and the file each translates).
fn translations_apart(
    files: Vec<PathBuf>,
    languages: &[crate::languages::Language],
    diags: &mut Diagnostics,
    translated: &mut Vec<(PathBuf, crate::languages::Language, PathBuf)>,
) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let kept = files
        .into_iter()
        .filter(|rel| {
            use crate::languages::content::{named, Named};
            match named(rel, languages, &mut found) {
                Named::Content => true,
                Named::Translation(lang, of) => {
                    translated.push((rel.clone(), lang, of));
                    false
                }
                Named::Refused => false,
            }
        })
        .collect();
    diags.extend(found);
    kept
}

/// Read every translation file, in parallel, sorted by the file each
/// translates and then by language.
fn translations(
    reader: Reader,
    files: Vec<(PathBuf, crate::languages::Language, PathBuf)>,
    diags: &mut Diagnostics,
) -> Vec<crate::languages::content::Translation> {
    let results: Vec<_> = files
        .into_par_iter()
        .map(|(rel, lang, of)| {
            let mut found = Vec::new();
            let t = reader.text(&rel, &mut found).and_then(|text| {
                crate::languages::content::from_text(&text, &rel, &lang, of, &mut found)
            });
            (t, found)
        })
        .collect();
    let mut read = Vec::with_capacity(results.len());
    for (t, found) in results {
        read.extend(t);
        diags.extend(found);
    }
    read.sort_by(|a, b| (&a.of, &a.lang).cmp(&(&b.of, &b.lang)));
    read
}

fn load_kind<M, T>(
    reader: Reader,
    files: Vec<PathBuf>,
    make: impl Fn(String, M, Source) -> T + Sync,
    diags: &mut Diagnostics,
    unreadable: &mut Vec<PathBuf>,
) -> Vec<T>
where
    M: FrontMatter + Send,
    T: Send,
{
    let results: Vec<(Option<T>, Vec<Diagnostic>)> = files
        .par_iter()
        .map(|rel| {
            let mut found = Vec::new();
            let item = read_item::<M>(reader, rel, &mut found)
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

/// The `.md` files directly in `folder`, relative to the site. Symbolic
/// links are reported, never followed: one could point anywhere on the
/// machine that builds the site. Other files are pointed out, since a
/// `.markdown` or `.txt` profile would otherwise silently go missing.
fn content_files(root: &Path, folder: &str, diags: &mut Diagnostics) -> Vec<PathBuf> {
    if refuse_linked_folder(root, folder, diags) {
        return Vec::new();
    }
    let mut files = Vec::new();
    for entry in WalkDir::new(root.join(folder))
        .min_depth(1)
        .max_depth(1)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
    {
        let rel = Path::new(folder).join(entry.file_name());
        let name = entry.file_name().to_string_lossy();
        let is_md = entry.path().extension().is_some_and(|x| x == "md");
        if entry.path_is_symlink() {
            diags.push(symlink(&rel));
        } else if !entry.file_type().is_file() || name.starts_with('.') {
            // Subfolders and hidden files (.gitkeep) are not content.
        } else if is_md {
            files.push(rel);
        } else {
            diags.push(
                Diagnostic::warning(
                    &rel,
                    0,
                    format!(
                        "{folder}/ holds `{name}`, which is not a Markdown file, so it is not read"
                    ),
                )
                .with_hint("content files end in .md; pictures belong in static/"),
            );
        }
    }
    files
}

/// A content or static folder that is itself a symbolic link is not read.
fn refuse_linked_folder(root: &Path, folder: &str, diags: &mut Diagnostics) -> bool {
    let linked = root
        .join(folder)
        .symlink_metadata()
        .is_ok_and(|m| m.file_type().is_symlink());
    if linked {
        diags.push(symlink(Path::new(folder)));
    }
    linked
}

pub(crate) fn symlink(rel: &Path) -> Diagnostic {
    Diagnostic::error(
        rel,
        0,
        "this is a symbolic link; convene does not follow links, so it is not read",
    )
    .with_hint("put the real file or folder here instead of a link")
}

impl Reader<'_> {
    /// A file's text, or `None` (with the reason in `out`) if it is a
    /// symbolic link, too big, unreadable or not UTF-8.
    fn text(&self, rel: &Path, out: &mut Vec<Diagnostic>) -> Option<String> {
        let path = self.root.join(rel);
        let meta = match path.symlink_metadata() {
            Ok(m) if m.file_type().is_symlink() => {
                out.push(symlink(rel));
                return None;
            }
            Ok(m) => m,
            Err(e) => {
                out.push(Diagnostic::error(
                    rel,
                    0,
                    format!("this file can't be read: {e}"),
                ));
                return None;
            }
        };
        if let Some(d) = self.too_big(rel, meta.len()) {
            out.push(d);
            return None;
        }
        let mut bytes = Vec::new();
        let read = std::fs::File::open(&path).and_then(|f| {
            // Read at most one byte past the limit, in case the file grew.
            f.take(self.max_file_size + 1).read_to_end(&mut bytes)
        });
        if let Err(e) = read {
            out.push(Diagnostic::error(
                rel,
                0,
                format!("this file can't be read: {e}"),
            ));
            return None;
        }
        if let Some(d) = self.too_big(rel, bytes.len() as u64) {
            out.push(d);
            return None;
        }
        match String::from_utf8(bytes) {
            Ok(text) => Some(text),
            Err(_) => {
                out.push(not_utf8(rel));
                None
            }
        }
    }

    fn too_big(&self, rel: &Path, size: u64) -> Option<Diagnostic> {
        (size > self.max_file_size).then(|| {
            Diagnostic::error(
                rel,
                0,
                format!(
                    "this file is {}, over the {} limit",
                    file_size(size),
                    file_size(self.max_file_size)
                ),
            )
            .with_hint("make it smaller (resize photos to at most 2000 pixels wide), or raise the limit with --max-file-size")
        })
    }
}

/// "2.4 MB", "800 KB", "950 bytes": sizes as a file manager shows them.
fn file_size(bytes: u64) -> String {
    const KB: u64 = 1024;
    match bytes {
        b if b >= KB * KB => format!("{:.1} MB", b as f64 / (KB * KB) as f64),
        b if b >= KB => format!("{} KB", b / KB),
        b => format!("{b} bytes"),
    }
}

fn read_item<M: FrontMatter>(
    reader: Reader,
    rel: &Path,
    out: &mut Vec<Diagnostic>,
) -> Option<(String, M, Source)> {
    let text = reader.text(rel, out)?;
    item_from_text::<M>(&text, rel, out)
}

/// Read one content file's text as `M`.
fn item_from_text<M: FrontMatter>(
    text: &str,
    rel: &Path,
    out: &mut Vec<Diagnostic>,
) -> Option<(String, M, Source)> {
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
    let (meta, source) = parsed::<M>(text, rel, out)?;
    Some((stem, meta, source))
}

/// A content file's (or a translation's) front matter read as `M`, and
/// where it came from.
pub(crate) fn parsed<M: FrontMatter>(
    text: &str,
    rel: &Path,
    out: &mut Vec<Diagnostic>,
) -> Option<(M, Source)> {
    let split = match frontmatter::split(text, rel) {
        Ok(s) => s,
        Err(d) => {
            out.push(d);
            return None;
        }
    };
    let before = out.len();
    let meta = frontmatter::parse::<M>(&split, rel, out)?;
    let partial = out[before..]
        .iter()
        .any(|d| d.severity == crate::diagnostics::Severity::Error);
    let source = Source {
        partial,
        path: rel.to_path_buf(),
        front_matter: split.yaml.to_string(),
        // Surveyed here, in the same parallel pass that read the file.
        body: crate::survey::Text::new(rel, split.body.to_string()),
        body_line: split.body_line,
    };
    Some((meta, source))
}

fn not_utf8(rel: &Path) -> Diagnostic {
    Diagnostic::error(rel, 0, "this file is not UTF-8 text")
        .with_hint("save it as UTF-8 (most editors offer this under \"Save as\" or \"Encoding\")")
}

/// Template overrides are read by the theme after checking, so a symbolic
/// link among them (which could pull any file on the machine into the site)
/// is reported here, where it stops the build first.
fn linked_templates(root: &Path, diags: &mut Diagnostics) {
    if refuse_linked_folder(root, "templates", diags) {
        return;
    }
    for entry in WalkDir::new(root.join("templates"))
        .min_depth(1)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path_is_symlink())
    {
        let rel = entry.path().strip_prefix(root).unwrap_or(entry.path());
        diags.push(symlink(rel));
    }
}

/// Every regular file under static/, relative to static/. Symlinks are not
/// followed: a link could point anywhere on the machine that builds the site.
/// Hidden files and folders (`.env`, `.git/`, `.DS_Store`) are never
/// published: they are a system's or a tool's, not the charity's.
fn static_files(reader: Reader, diags: &mut Diagnostics) -> BTreeSet<PathBuf> {
    let mut files = BTreeSet::new();
    if refuse_linked_folder(reader.root, "static", diags) {
        return files;
    }
    let base = reader.root.join("static");
    let mut hidden = Vec::new();
    for entry in WalkDir::new(&base)
        .min_depth(1)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| !is_hidden(e, &mut hidden))
        .filter_map(Result::ok)
    {
        let rel = entry
            .path()
            .strip_prefix(&base)
            .unwrap_or(entry.path())
            .to_path_buf();
        let shown = Path::new("static").join(&rel);
        if entry.path_is_symlink() {
            diags.push(symlink(&shown));
        } else if entry.file_type().is_file() {
            let size = entry.metadata().map_or(0, |m| m.len());
            match reader.too_big(&shown, size) {
                Some(d) => diags.push(d),
                None => {
                    files.insert(rel);
                }
            }
        }
    }
    diags.extend(hidden);
    files
}

/// A hidden file or folder in static/, reported once (a hidden folder's
/// contents are not walked).
fn is_hidden(entry: &walkdir::DirEntry, diags: &mut Vec<Diagnostic>) -> bool {
    let name = entry.file_name().to_string_lossy();
    let hidden = entry.depth() > 0 && name.starts_with('.');
    if hidden {
        let what = if entry.file_type().is_dir() {
            "folder"
        } else {
            "file"
        };
        // The path from static/ down: the entry's last `depth` parts.
        let parts: Vec<_> = entry.path().iter().collect();
        let shown: PathBuf = std::iter::once(std::ffi::OsStr::new("static"))
            .chain(
                parts[parts.len().saturating_sub(entry.depth())..]
                    .iter()
                    .copied(),
            )
            .collect();
        diags.push(
            Diagnostic::warning(
                &shown,
                0,
                format!("`{name}` is a hidden {what}, so it is not published on either site"),
            )
            .with_hint("hidden files hold settings and secrets (.env, .git); move anything you want published to a name without a leading dot"),
        );
    }
    hidden
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
