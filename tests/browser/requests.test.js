// Content that tries to make the public hub load something from another
// host, in every way a page can: <img srcset>, <picture><source srcset>,
// <iframe>, <object>, <video poster>, inline CSS url() and @import, a
// <link> and a <script>. The public hub's sanitiser leaves none of it but
// the pictures (an image from elsewhere is content, as in Markdown's
// `![..](https://..)`), so a visitor's browser asks no other host for a
// frame, a style, a font or a script. The playbook keeps raw HTML as
// written: there the same content does reach out, which proves the watch
// below sees requests made every one of these ways.

const { test, describe, before, after } = require("node:test");
const assert = require("node:assert/strict");
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const support = require("./support");

const ATTEMPTS = {
  srcset: '<img alt="a" src="missing.png" srcset="https://evil.example/srcset.png 1x">',
  picture: '<picture><source srcset="https://evil.example/source.png"><img alt="b" src="missing.png"></picture>',
  iframe: '<iframe src="https://evil.example/iframe.html"></iframe>',
  object: '<object data="https://evil.example/object.swf"></object>',
  poster: '<video poster="https://evil.example/poster.png"></video>',
  cssUrl: '<div style="background-image: url(https://evil.example/css-url.png); width: 10px; height: 10px">x</div>',
  cssImport: '<style>@import url("https://evil.example/import.css");</style>',
  link: '<link rel="stylesheet" href="https://evil.example/link.css">',
  script: '<script src="https://evil.example/script.js"></script>',
};

let env;
let dir;

before(async () => {
  support.requireChromium();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "convene-requests-"));
  const site = path.join(dir, "site");
  fs.cpSync(path.join(support.REPO, "content-example"), site, { recursive: true });
  const body = Object.values(ATTEMPTS).join("\n\n");
  fs.writeFileSync(
    path.join(site, "stories", "2026-03-01-reaching-out.md"),
    `---\ntitle: Reaching out\ndate: 2026-03-01\n---\n\nA story that tries to reach other hosts.\n\n${body}\n`,
  );
  const out = path.join(dir, "dist");
  execFileSync(support.conveneBinary(), ["build", site, "--out", out, "--now", support.NOW, "--no-images"], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  env = {
    public: await support.serve(path.join(out, "public")),
    playbook: await support.serve(path.join(out, "playbook")),
    browser: await support.launchBrowser(),
  };
});

after(async () => {
  if (env) {
    await env.browser.close();
    await env.public.close();
    await env.playbook.close();
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Open a page and return every request it made to another host. */
async function requestsFrom(origin, page) {
  const ctx = await env.browser.newContext({ serviceWorkers: "block" });
  const offsite = [];
  await ctx.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith("data:")) return route.continue();
    offsite.push(url);
    return route.abort("blockedbyclient");
  });
  const tab = await ctx.newPage();
  await tab.goto(origin + page);
  await support.settled(tab);
  await tab.waitForTimeout(300);
  await ctx.close();
  return offsite.map((url) => new URL(url).pathname.slice(1)).sort();
}

describe("requests to other hosts", () => {
  test("the playbook, which keeps raw HTML, shows the watch sees every way", async () => {
    const seen = await requestsFrom(env.playbook.origin, "/stories/reaching-out/");
    for (const expected of ["srcset.png", "source.png", "iframe.html", "poster.png", "css-url.png", "import.css", "link.css", "script.js"]) {
      assert.ok(seen.includes(expected), `the playbook did not request ${expected}: ${seen.join(", ")}`);
    }
  });

  test("the public hub requests nothing from another host but the story's pictures", async () => {
    assert.deepEqual(await requestsFrom(env.public.origin, "/stories/reaching-out/"), ["source.png", "srcset.png"]);
  });
});
