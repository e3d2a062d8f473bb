//! Where the playbook can live so that only staff reach it, and the file
//! `convene init --playbook-host` writes for each (PUBLISHING.md has the
//! recipes: who can see it, what it costs).

/// A place to serve the playbook from, behind a login.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PlaybookHost {
    /// A second, private GitLab project whose Pages only its members open.
    GitlabPages,
    /// Cloudflare Pages, with Cloudflare Access asking staff to sign in.
    Cloudflare,
    /// Netlify, with the site's password protection.
    Netlify,
    /// Your own server running Caddy, with passwords or OAuth2 Proxy.
    Caddy,
    /// Your own server running nginx, with passwords or OAuth2 Proxy.
    Nginx,
    /// A shared drive or intranet folder that only staff can open.
    FileShare,
}

/// Each host's file: where `init` writes it in the site, and its text.
const FILES: &[(PlaybookHost, &str, &str)] = &[
    (
        PlaybookHost::GitlabPages,
        "playbook-host/gitlab-ci.yml",
        include_str!("../../publishing/playbook-host/gitlab-pages.yml"),
    ),
    (
        PlaybookHost::Cloudflare,
        "wrangler.toml",
        include_str!("../../publishing/playbook-host/wrangler.toml"),
    ),
    (
        PlaybookHost::Netlify,
        "netlify.toml",
        include_str!("../../publishing/playbook-host/netlify.toml"),
    ),
    (
        PlaybookHost::Caddy,
        "playbook-host/Caddyfile",
        include_str!("../../publishing/playbook-host/Caddyfile"),
    ),
    (
        PlaybookHost::Nginx,
        "playbook-host/nginx.conf",
        include_str!("../../publishing/playbook-host/nginx.conf"),
    ),
    (
        PlaybookHost::FileShare,
        "playbook-host/file-share.md",
        include_str!("../../publishing/playbook-host/file-share.md"),
    ),
];

impl PlaybookHost {
    /// The files to write into the site: path and text.
    pub fn files(self) -> impl Iterator<Item = (&'static str, &'static str)> {
        FILES
            .iter()
            .filter(move |(host, ..)| *host == self)
            .map(|(_, path, text)| (*path, *text))
    }
}
