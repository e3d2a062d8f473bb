// Shared helpers for convene's browser tests: build content-example, serve
// both sites on 127.0.0.1, drive Debian's Chromium through playwright-core,
// and refuse every request that would leave the local servers.
"use strict";

const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const http = require("node:http");
const os = require("node:os");
const path = require("node:path");

const REPO = path.resolve(__dirname, "..", "..");
const ARTIFACTS = path.join(__dirname, "artifacts");
const NOW = "2026-11-26T12:00:00Z";
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const WIDTHS = [375, 1280];
const SCHEMES = ["light", "dark"];

/** Fail loudly, never skip: a missing browser must not look like a pass. */
function requireChromium() {
  if (!fs.existsSync(CHROMIUM)) {
    const message = [
      "",
      "*".repeat(78),
      `  Chromium was not found at ${CHROMIUM}: the browser tests CANNOT run.`,
      "  Install Debian's package (as root): apt-get install -y chromium",
      "  or point CHROMIUM_PATH at a Chromium binary. Nothing was checked.",
      "*".repeat(78),
      "",
    ].join("\n");
    console.error(message);
    throw new Error(`Chromium is missing at ${CHROMIUM}; the browser tests did not run`);
  }
  return CHROMIUM;
}

/** The convene binary: $CONVENE_BIN, or a fresh `cargo build` (a no-op after `cargo test`). */
function conveneBinary() {
  if (process.env.CONVENE_BIN) return process.env.CONVENE_BIN;
  execFileSync("cargo", ["build", "--quiet", "--bin", "convene"], { cwd: REPO, stdio: "inherit" });
  const targetDir = process.env.CARGO_TARGET_DIR
    ? path.resolve(REPO, process.env.CARGO_TARGET_DIR)
    : path.join(REPO, "target");
  return path.join(targetDir, "debug", "convene");
}

let built = null;
/** Build content-example once per test file into a fresh temporary folder. */
function buildExample() {
  if (built) return built;
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "convene-browser-"));
  const dist = path.join(out, "dist");
  execFileSync(conveneBinary(), ["build", path.join(REPO, "content-example"), "--out", dist, "--now", NOW], {
    cwd: REPO,
    stdio: ["ignore", "ignore", "inherit"],
  });
  built = { dist, public: path.join(dist, "public"), playbook: path.join(dist, "playbook"), cleanup: () => fs.rmSync(out, { recursive: true, force: true }) };
  return built;
}

/** Remove the build made by buildExample, if any. */
function cleanupBuild() {
  if (built) built.cleanup();
  built = null;
}

/** Every .html file under dir, as site paths ("people/amara/index.html"), sorted. */
function htmlFiles(dir) {
  const found = [];
  (function walk(rel) {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (entry.name.endsWith(".html")) found.push(child);
    }
  })("");
  return found.sort();
}

/** A redirect page left by an alias (meta refresh to the new address). */
function isAlias(file) {
  return /<meta http-equiv="refresh"/.test(fs.readFileSync(file, "utf8"));
}

/** The URL path a file is served at: pretty URLs for index.html. */
function urlPath(rel) {
  return "/" + rel.replace(/(^|\/)index\.html$/, "$1");
}

/** What kind of page a site path is, in the words of issue 7. */
function pageKind(rel) {
  // A page in another language (cy/...) is the same kind of page.
  const p = urlPath(rel).replace(/^\/cy\//, "/");
  const rules = [
    [/^\/$/, "home"],
    [/^\/404\.html$/, "404"],
    [/^\/people\/(page\/\d+\/)?$/, "directory"],
    [/^\/people\/[^/]+\/$/, "profile"],
    [/^\/stories\/(page\/\d+\/)?$/, "story index"],
    [/^\/stories\/[^/]+\/$/, "story"],
    [/^\/campaigns\/$/, "campaign index"],
    [/^\/campaigns\/[^/]+\/share\/$/, "share kit"],
    [/^\/campaigns\/[^/]+\/$/, "campaign"],
    [/^\/(topics|teams|places)\/$/, "facet index"],
    [/^\/topics\/[^/]+\/$/, "topic"],
    [/^\/teams\/[^/]+\/$/, "team"],
    [/^\/places\/[^/]+\/$/, "place"],
    [/^\/guidelines\/$/, "guideline index"],
    [/^\/guidelines\/[^/]+\/$/, "guideline"],
    [/^\/respond\/$/, "respond"],
    [/^\/search\/$/, "search"],
    [/^\/signatures\/$/, "signature index"],
    [/^\/signatures\/[^/]+\/$/, "signature"],
    [/^\/accessibility\/$/, "accessibility"],
  ];
  for (const [re, kind] of rules) if (re.test(p)) return kind;
  return "other";
}

const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml",
  ".svg": "image/svg+xml",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".png": "image/png",
  ".webp": "image/webp",
  ".vcf": "text/vcard; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

/** A static server for one site folder, as a static host would serve it. */
function serve(root) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    let rel = decodeURIComponent(url.pathname);
    let file = path.join(root, path.normalize(rel));
    if (!file.startsWith(root)) file = root + "/__forbidden__";
    let stat = fs.existsSync(file) ? fs.statSync(file) : null;
    if (stat && stat.isDirectory()) {
      if (!rel.endsWith("/")) {
        res.writeHead(301, { Location: rel + "/" + url.search });
        return res.end();
      }
      file = path.join(file, "index.html");
      stat = fs.existsSync(file) ? fs.statSync(file) : null;
    }
    let status = 200;
    if (!stat) {
      status = 404;
      file = path.join(root, "404.html");
    }
    const type = CONTENT_TYPES[path.extname(file).toLowerCase()] || "application/octet-stream";
    res.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const origin = `http://127.0.0.1:${server.address().port}`;
      resolve({ origin, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

const LAUNCH_ATTEMPTS = 3;

/**
 * Headless Chromium, quiet: no updates, sync or background requests.
 *
 * A launch is tried up to three times. On a freshly booted CI machine
 * Chromium has once exited during its very first start ("Target page,
 * context or browser has been closed") while every later start worked; that
 * says nothing about convene's pages, and without the retry it cancelled a
 * whole test file. Each failed try is printed, so a browser that never
 * starts still fails loudly with all of its logs.
 */
async function launchBrowser() {
  const executablePath = requireChromium();
  const { chromium } = require("playwright-core");
  let failure;
  for (let attempt = 1; attempt <= LAUNCH_ATTEMPTS; attempt++) {
    try {
      return await chromium.launch({
        executablePath,
        headless: true,
        args: [
          "--no-sandbox",
          "--disable-gpu",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run",
          "--disable-default-apps",
          "--disable-dev-shm-usage",
        ],
      });
    } catch (error) {
      failure = error;
      console.error(`# Chromium did not start (try ${attempt} of ${LAUNCH_ATTEMPTS}):\n${error.message}`);
      await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
    }
  }
  throw failure;
}

/**
 * Start both sites and Chromium. Every request to anything but the two local
 * servers is aborted and recorded in `offsite`; tests assert it stays empty.
 */
async function start() {
  const site = buildExample();
  const servers = { public: await serve(site.public), playbook: await serve(site.playbook) };
  const browser = await launchBrowser();
  const allowed = new Set([servers.public.origin, servers.playbook.origin]);
  const offsite = [];
  const pageErrors = [];

  /** A new browser context at a width and colour scheme, with the network fenced. */
  async function context({ width = 1280, height = 900, colorScheme = "light", reducedMotion = "reduce", permissions = [] } = {}) {
    const ctx = await browser.newContext({
      viewport: { width, height },
      colorScheme,
      reducedMotion,
      deviceScaleFactor: 1,
      serviceWorkers: "block",
    });
    if (permissions.length) {
      for (const origin of allowed) await ctx.grantPermissions(permissions, { origin });
    }
    await ctx.route("**/*", (route) => {
      const url = route.request().url();
      let origin = null;
      try { origin = new URL(url).origin; } catch (e) { /* data: and friends */ }
      if (url.startsWith("data:") || url.startsWith("blob:") || allowed.has(origin)) return route.continue();
      offsite.push(url);
      return route.abort("blockedbyclient");
    });
    ctx.on("page", (page) => watch(page));
    return ctx;
  }

  function watch(page) {
    let inflight = 0;
    page.on("request", () => { inflight += 1; });
    page.on("requestfinished", () => { inflight -= 1; });
    page.on("requestfailed", () => { inflight -= 1; });
    page.inflight = () => inflight;
    page.on("pageerror", (err) => pageErrors.push(`${page.url()}: ${err.message}`));
    page.on("console", (msg) => {
      if (msg.type() === "error") pageErrors.push(`${page.url()}: console error: ${msg.text()}`);
    });
  }

  async function stop() {
    await browser.close();
    await servers.public.close();
    await servers.playbook.close();
    cleanupBuild();
  }

  return { site, servers, browser, context, offsite, pageErrors, stop };
}

/**
 * Wait until the page's own requests (deferred scripts fetching the directory
 * or the search index) have finished: faster than Playwright's networkidle,
 * which always waits half a second.
 */
async function settled(page) {
  await page.waitForLoadState("load");
  for (let i = 0; i < 200 && page.inflight && page.inflight() > 0; i++) await page.waitForTimeout(10);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
}

/** Where artefacts of one test go (created on demand). */
function artifactDir(...parts) {
  const dir = path.join(ARTIFACTS, ...parts);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Open `file` (a path) in a fresh context of `browser` that lets only file:
 * URLs through: each other request is refused and noted in `elsewhere`, each
 * script error in `pageErrors`.
 */
async function openFile(browser, file, { viewport = { width: 1280, height: 900 }, permissions = [], elsewhere, pageErrors }) {
  const { pathToFileURL } = require("node:url");
  const ctx = await browser.newContext({ viewport, serviceWorkers: "block" });
  if (permissions.length) await ctx.grantPermissions(permissions);
  await ctx.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("file:") || url.startsWith("data:")) return route.continue();
    elsewhere.push(url);
    return route.abort("blockedbyclient");
  });
  const page = await ctx.newPage();
  page.on("pageerror", (err) => pageErrors.push(`${page.url()}: ${err.message}`));
  page.on("console", (msg) => {
    if (msg.type() === "error") pageErrors.push(`${page.url()}: console error: ${msg.text()}`);
  });
  await page.goto(pathToFileURL(file).href);
  await page.waitForLoadState("load");
  return { ctx, page };
}

function slugOf(rel) {
  return urlPath(rel).replace(/^\/|\/$/g, "").replace(/[^a-z0-9]+/gi, "-") || "home";
}

module.exports = {
  REPO, ARTIFACTS, NOW, WIDTHS, SCHEMES,
  requireChromium, launchBrowser, conveneBinary, buildExample, cleanupBuild, settled, openFile, htmlFiles, isAlias, urlPath, pageKind, serve, start, artifactDir, slugOf,
};
