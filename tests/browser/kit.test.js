// The share kit as a member of staff uses it, on a phone, opened from the
// file system as a downloaded playbook would be: pick a network, edit a
// post, copy it. And its counts, made by the page's script, agree with
// `convene check` on every network's limit.
"use strict";

const { describe, test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const { execFileSync, spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { pathToFileURL } = require("node:url");
const support = require("./support");

support.requireChromium();

const PHONE = { width: 375, height: 740 };

let browser;
let tmp;
let playbook;
let diagnostics;
const pageErrors = [];
const elsewhere = [];

/** Posts just under, at and over each network's limit; some with an
    emoji that is one grapheme (Bluesky, Threads) but five code points. */
function postsAroundTheLimits() {
  const posts = [];
  for (const pad of [155, 165, 175, 179, 180, 186, 330, 350, 357, 360]) {
    posts.push(`${"w".repeat(pad)} {link}`);
    posts.push(`${"w".repeat(pad)} 👨‍👩‍👧 {link}`);
  }
  return posts;
}

function copyDir(from, to) {
  fs.cpSync(from, to, { recursive: true });
}

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "convene-kit-"));
  const site = path.join(tmp, "site");
  copyDir(path.join(support.REPO, "content-example"), site);
  const campaign = path.join(site, "campaigns", "otter-watch-2025.md");
  const text = fs.readFileSync(campaign, "utf8");
  const [head, rest] = text.split("share:\n");
  const tail = rest.slice(rest.indexOf("staff_notes:"));
  const share = postsAroundTheLimits().map((p) => `  - "${p}"\n`).join("");
  fs.writeFileSync(campaign, `${head}share:\n${share}${tail}`);
  const bin = support.conveneBinary();
  // Over-long posts are warnings: check reports them and exits 0.
  const checked = spawnSync(bin, ["check", site, "--format", "json", "--now", support.NOW], { encoding: "utf8" });
  assert.equal(checked.status, 0, checked.stderr);
  diagnostics = JSON.parse(checked.stderr);
  const dist = path.join(tmp, "dist");
  execFileSync(bin, ["build", site, "--out", dist, "--now", support.NOW], { stdio: ["ignore", "ignore", "inherit"] });
  playbook = path.join(dist, "playbook");
  browser = await support.launchBrowser();
});
after(async () => {
  if (browser) await browser.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

async function openKit(campaign, { permissions = [] } = {}) {
  const file = path.join(playbook, "campaigns", campaign, "share", "index.html");
  return support.openFile(browser, file, { viewport: PHONE, permissions, elsewhere, pageErrors });
}

describe("the share kit on a phone", () => {
  test("pick a network, edit a post, copy it: the clipboard holds the edited post and the count follows", async () => {
    const { ctx, page } = await openKit("winter-warmth-appeal", { permissions: ["clipboard-read", "clipboard-write"] });
    const started = Date.now();
    await page.getByLabel("Where will you post?").selectOption({ label: "Bluesky" });
    const post = page.getByLabel("Your post: make it sound like you").first();
    const before = await post.inputValue();
    assert.match(before, /utm_content=bluesky/);
    const count = page.locator("#post-1-count");
    const counted = Number((await count.innerText()).match(/^(\d+) of 300 characters on Bluesky$/)[1]);

    // A personal touch at the start: the count goes up by exactly its length.
    await post.focus();
    await page.keyboard.press("Control+Home");
    await page.keyboard.type("Proud of this! ");
    await page.waitForFunction((n) => !document.querySelector("#post-1-count").textContent.startsWith(`${n} `), counted);
    const now = counted + 15;
    assert.equal(await count.innerText(), `${now} of 300 characters on Bluesky${now > 300 ? ": too long, shorten it" : ""}`);
    assert.equal(await count.evaluate((el) => el.classList.contains("over-limit")), now > 300);

    await page.getByRole("button", { name: "Copy post 1" }).click();
    await page.waitForFunction(() => document.querySelector(".copy-status").textContent !== "");
    assert.equal(await page.locator(".copy-status").innerText(), "Post 1 copied.");
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, "Proud of this! " + before);
    assert.ok(Date.now() - started < 30000, "the whole share took under thirty seconds");

    // "Post on Bluesky" carries the edited text.
    const href = await page.getByRole("link", { name: /^Post on Bluesky \(post 1\)$/ }).getAttribute("href");
    assert.equal(new URL(href).searchParams.get("text"), copied);

    // The edit survives a change of network: only the links change.
    await page.getByLabel("Where will you post?").selectOption({ label: "X" });
    const onX = await post.inputValue();
    assert.ok(onX.startsWith("Proud of this! "), onX);
    assert.match(onX, /utm_content=x(\s|$)/);
    assert.doesNotMatch(onX, /utm_content=bluesky/);
    assert.match(await count.innerText(), /^\d+ of 280 characters on X$/);

    // The choice is remembered for the next visit.
    await page.reload();
    await page.waitForLoadState("load");
    assert.equal(await page.getByLabel("Where will you post?").inputValue(), "x");
    assert.match(await page.locator("#post-1-text").inputValue(), /utm_content=x(\s|$)/);

    // Nothing spills sideways at 375 px.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
    await ctx.close();
  });

  test("without JavaScript, each post is written for the first network, ready to select and copy", async () => {
    const ctx = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(pathToFileURL(path.join(playbook, "campaigns", "winter-warmth-appeal", "share", "index.html")).href);
    assert.equal(await page.getByLabel("Where will you post?").isVisible(), false);
    assert.match(await page.locator("#post-1-text").inputValue(), /utm_content=linkedin/);
    assert.match(await page.locator("#post-1-count").innerText(), /^\d+ of 3,000 characters on LinkedIn$/);
    assert.equal(await page.getByRole("button", { name: "Copy post 1" }).count(), 0);
    await ctx.close();
  });

  test("the script's count agrees with convene check on every network, post by post", async () => {
    const { ctx, page } = await openKit("otter-watch-2025");
    const campaignFile = (d) => d.file.endsWith("otter-watch-2025.md");
    const networks = await page.evaluate(() => JSON.parse(document.getElementById("kit-data").textContent).networks);
    const posts = postsAroundTheLimits();
    const source = fs.readFileSync(path.join(support.REPO, "content-example", "campaigns", "otter-watch-2025.md"), "utf8");
    const firstLine = source.split("\n").indexOf("share:") + 2;
    let over = 0;
    for (const network of networks.filter((n) => n.limit)) {
      await page.getByLabel("Where will you post?").selectOption(network.id);
      for (let i = 0; i < posts.length; i++) {
        const shown = await page.locator(`#post-${i + 1}-count`).innerText();
        // Numbers are grouped as the page's language writes them (3,000).
        const m = shown.replace(/(\d),(\d)/g, "$1$2").match(/^(\d+) of (\d+) characters on (.+?)(: too long, shorten it)?$/);
        assert.ok(m, `post ${i + 1} on ${network.label}: ${shown}`);
        assert.equal(m[3], network.label);
        const flagged = diagnostics.find((d) => campaignFile(d) && d.line === firstLine + i && d.message.includes(` characters on ${network.label},`));
        const used = Number(m[1]);
        if (flagged) {
          over++;
          assert.equal(flagged.message, `this share text is ${used} characters on ${network.label}, over its limit of ${network.limit}`);
          assert.ok(m[4], `post ${i + 1} is flagged on ${network.label} by check, not by the kit`);
        } else {
          assert.ok(used <= network.limit && !m[4], `post ${i + 1} on ${network.label}: kit says ${shown}, check says it fits`);
        }
      }
    }
    assert.ok(over >= 10, `the posts straddle the limits (${over} over)`);
    await ctx.close();
  });

  test("no script failed and nothing left the file system", () => {
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(elsewhere, []);
  });
});
