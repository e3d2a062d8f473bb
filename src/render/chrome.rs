//! The header and footer that frame every page. They depend only on the
//! site, the page's depth and which navigation entry is current, so each
//! combination is rendered once per build, from the theme's
//! `site_header.html` and `site_footer.html`, and every page gets the
//! result as `chrome.header` and `chrome.footer`. Before, Tera worked
//! through the same navigation on each of 14,000 pages: about 6% of a
//! build's instructions.

use super::context::SiteCtx;
use crate::theme::Theme;
use crate::Error;
use serde::Serialize;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

#[derive(Serialize)]
pub struct Chrome {
    header: String,
    footer: String,
}

/// What the header and footer templates are given: nothing of the page's own.
#[derive(Serialize)]
struct ChromeCtx<'a> {
    site: &'a SiteCtx<'a>,
    root: &'a str,
    /// Where the site's own files are (a logo), from this depth.
    site_root: &'a str,
    section: &'a str,
}

/// Chrome rendered so far, by section and root (`../../`, or `/` on the 404 page).
#[derive(Default)]
pub struct Chromes(Mutex<HashMap<(&'static str, String), Arc<Chrome>>>);

impl Chromes {
    pub fn get(
        &self,
        theme: &Theme,
        site: &SiteCtx,
        root: &str,
        section: &'static str,
    ) -> Result<Arc<Chrome>, Error> {
        let key = (section, root.to_string());
        if let Some(chrome) = self.lock().get(&key) {
            return Ok(Arc::clone(chrome));
        }
        // Rendered outside the lock; a page racing us renders the same text.
        let site_root = site.site_root(root);
        let ctx = ChromeCtx {
            site,
            root,
            site_root: &site_root,
            section,
        };
        let chrome = Arc::new(Chrome {
            header: theme.render("site_header.html", &ctx)?,
            footer: theme.render("site_footer.html", &ctx)?,
        });
        Ok(Arc::clone(self.lock().entry(key).or_insert(chrome)))
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<(&'static str, String), Arc<Chrome>>> {
        // The map only ever holds finished entries, so a panic elsewhere
        // cannot leave it half-changed.
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
