// Both sites opened straight from the file system (file://), as staff open
// a downloaded playbook or one on a shared drive: search, the directory
// filter, links between pages and the copy button all work there, and no
// page asks for anything but its own files.
"use strict";

const { describe, test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const support = require("./support");

support.requireChromium();

let browser;
let site;
const elsewhere = [];
const pageErrors = [];

before(async () => {
  site = support.buildExample();
  browser = await support.launchBrowser();
});
after(async () => {
  if (browser) await browser.close();
  support.cleanupBuild();
});

/** Open a file of one site in a fresh context that lets only file: URLs through. */
async function open(which, rel, { permissions = [] } = {}) {
  return support.openFile(browser, path.join(site[which], rel), { permissions, elsewhere, pageErrors });
}

/** Follow a link and check a page of the site opened, not a folder listing. */
async function follow(page, link) {
  const href = await link.getAttribute("href");
  assert.match(href, /^file:.*\/index\.html(#.*)?$/, `link to ${href}`);
  await Promise.all([page.waitForNavigation(), link.click()]);
  assert.match(page.url(), /\/index\.html(#.*)?$/);
  assert.equal(await page.locator("main#main").count(), 1, `${page.url()} is not a page of the site`);
}

describe("the hub's search from file://", () => {
  test("finds a story by its summary, and the result opens it", async () => {
    const { ctx, page } = await open("public", "search/index.html");
    await page.getByLabel(/Search people, stories and campaigns/).click();
    await page.keyboard.type("flamingo");
    await page.waitForFunction(() => document.querySelectorAll(".search-results li").length > 0);
    const hits = await page.locator(".search-results li").allInnerTexts();
    assert.ok(hits.some((h) => /^Story\s+Paddle the Wend/.test(h)), hits.join(" | "));
    await follow(page, page.locator(".search-results a").first());
    await ctx.close();
  });
});

describe("the playbook from file://", () => {
  test("search finds pages, and its results open them", async () => {
    const { ctx, page } = await open("playbook", "search/index.html");
    const box = page.getByLabel(/Search guidelines/);
    await box.click();
    await page.keyboard.type("otter");
    await page.waitForFunction(() => document.querySelectorAll(".search-results li").length > 0);
    assert.match(await page.locator(".finder-status").innerText(), /^\d+ results?\./);
    const hits = await page.locator(".search-results li").allInnerTexts();
    assert.ok(hits.some((h) => /otter/i.test(h)), hits.join(" | "));
    await follow(page, page.locator(".search-results a").first());
    await ctx.close();
  });

  test("the directory filter finds people, including those not on the hub", async () => {
    const { ctx, page } = await open("playbook", "people/index.html");
    await page.locator("form.finder").waitFor({ state: "visible" });
    await page.getByLabel("Name or role").fill("amara");
    await page.waitForFunction(() => document.querySelectorAll(".finder-results .person-card").length === 1);
    await follow(page, page.locator(".finder-results a").first());
    assert.match(await page.locator("h1").innerText(), /Amara Okafor/);
    await ctx.close();
  });

  test("the navigation opens pages, not folder listings", async () => {
    const { ctx, page } = await open("playbook", "index.html");
    await follow(page, page.locator(".site-header nav a", { hasText: "Guidelines" }).first());
    await follow(page, page.locator("main a[href*='guidelines/']").first());
    await ctx.close();
  });
});

describe("the public hub from file://", () => {
  test("the directory filter narrows the list, and a person's page opens", async () => {
    const { ctx, page } = await open("public", "index.html");
    await follow(page, page.locator(".site-header nav a", { hasText: "People" }).first());
    await page.locator("form.finder").waitFor({ state: "visible" });
    await page.getByLabel("Team").selectOption({ label: "Conservation" });
    await page.waitForFunction(() => document.querySelectorAll(".finder-results .person-card").length > 0);
    for (const text of await page.locator(".finder-results .person-card").allInnerTexts()) assert.match(text, /Conservation/);
    await follow(page, page.locator(".finder-results a").first());
    await ctx.close();
  });

  test("the copy button copies the profile's address", async () => {
    const { ctx, page } = await open("public", "people/amara-okafor/index.html", { permissions: ["clipboard-read", "clipboard-write"] });
    const button = page.getByRole("button", { name: "Copy link" });
    await button.waitFor({ state: "visible" });
    const expected = await button.getAttribute("data-copy");
    assert.match(expected, /^https:\/\/people\.riverside\.example\//);
    await button.click();
    await page.waitForFunction(() => document.querySelector(".copy-status").textContent !== "");
    assert.equal(await page.locator(".copy-status").innerText(), "Link copied.");
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), expected);
    await ctx.close();
  });
});

describe("email signatures from file://", () => {
  test("Copy signature copies HTML and text", async () => {
    const { ctx, page } = await open("playbook", "signatures/amara-okafor/index.html", { permissions: ["clipboard-read", "clipboard-write"] });
    const button = page.getByRole("button", { name: "Copy signature without a call to action" });
    await button.waitFor({ state: "visible" });
    await button.click();
    await page.waitForFunction(() => document.querySelector(".copy-status").textContent !== "");
    assert.match(await page.locator(".copy-status").innerText(), /^Signature copied/);
    const copied = await page.evaluate(async () => {
      const out = {};
      for (const item of await navigator.clipboard.read()) {
        for (const type of item.types) out[type] = await (await item.getType(type)).text();
      }
      return out;
    });
    assert.match(copied["text/html"] || "", /<table[^>]*style=/);
    assert.match(copied["text/html"] || "", /href="mailto:amara\.okafor@riverside\.example"/);
    assert.match(copied["text/plain"] || "", /^Amara Okafor \(she\/her\)\n/);
    await ctx.close();
  });
});

describe("file:// network", () => {
  test("nothing was asked of any host and no script failed", () => {
    assert.deepEqual(elsewhere, [], "requests that were not for files");
    assert.deepEqual(pageErrors, [], "errors in the pages' scripts");
  });
});

describe("a Welsh reader from file://", () => {
  test("moves between English and Welsh on a profile and keeps the page", async () => {
    const { ctx, page } = await open("public", "people/amara-okafor/index.html");
    assert.equal(await page.locator("html").getAttribute("lang"), "en-GB");
    const welsh = page.locator("nav.languages a[hreflang=cy]");
    assert.equal(await welsh.innerText(), "Cymraeg");
    await follow(page, welsh);
    assert.match(page.url(), /\/cy\/people\/amara-okafor\/index\.html$/);
    assert.equal(await page.locator("html").getAttribute("lang"), "cy");
    assert.match(await page.locator("main").innerText(), /Pennaeth Cyfathrebu/);
    // Pictures and styles come from the site root, not from cy/.
    const photo = page.locator("img.profile-photo");
    await photo.waitFor();
    assert.ok(await photo.evaluate((img) => img.complete && img.naturalWidth > 0), "the photo loads");
    assert.notEqual(await page.evaluate(() => getComputedStyle(document.body).fontFamily), "");
    await follow(page, page.locator("nav.languages a[hreflang=en-GB]"));
    assert.match(page.url(), /\/public\/people\/amara-okafor\/index\.html$/);
    await ctx.close();
  });

  test("the directory filter answers in Welsh on a Welsh page", async () => {
    const { ctx, page } = await open("public", "cy/people/index.html");
    await page.locator("form.finder").waitFor({ state: "visible" });
    await page.locator("#finder-name").fill("amara");
    await page.waitForFunction(() => document.querySelectorAll(".finder-results .person-card").length === 1);
    assert.equal(await page.locator(".finder-status").innerText(), "Wedi dod o hyd i 1 person.");
    await ctx.close();
  });
});

