// What a visitor does with the pages: filter the directory, copy a link,
// search the playbook, move through every page
// kind with the keyboard alone, print a guideline. No request may leave the
// local servers.
"use strict";

const { describe, test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const support = require("./support");

support.requireChromium();

let env;
before(async () => {
  env = await support.start();
});
after(async () => {
  if (env) await env.stop();
});

async function open(site, url, options = {}) {
  const ctx = await env.context(options);
  const page = await ctx.newPage();
  const response = await page.goto(env.servers[site].origin + url);
  assert.equal(response.status(), 200, `${site}${url}`);
  await support.settled(page);
  return { ctx, page };
}

describe("people directory", () => {
  test("typing in the filter narrows the list, and the filters combine", async () => {
    const { ctx, page } = await open("public", "/people/");
    const form = page.locator("form.finder");
    await form.waitFor({ state: "visible" });
    const everyone = await page.locator(".directory-list .person-card").count();
    assert.ok(everyone >= 10, `only ${everyone} people listed`);

    const name = page.getByLabel("Name or role");
    await name.click();
    await page.keyboard.type("amara");
    const results = page.locator(".finder-results .person-card");
    await page.waitForFunction(() => document.querySelectorAll(".finder-results .person-card").length === 1);
    assert.equal(await results.count(), 1);
    assert.match(await results.first().innerText(), /Amara Okafor/);
    assert.equal(await page.locator(".directory-list").isVisible(), false, "the full list stays visible while filtering");
    assert.equal(await page.locator(".finder-status").innerText(), "1 person found.");

    // A word from roles: fewer than everyone, and every card matches it.
    await name.fill("");
    await name.pressSequentially("head");
    await page.waitForFunction(() => /people found|person found/.test(document.querySelector(".finder-status").textContent));
    const heads = await results.allInnerTexts();
    assert.ok(heads.length > 1 && heads.length < everyone, `"head" matched ${heads.length} of ${everyone}`);
    for (const text of heads) assert.match(text, /head/i);

    // A team narrows further.
    await page.getByLabel("Team").selectOption({ label: "Conservation" });
    await page.waitForFunction((n) => document.querySelectorAll(".finder-results .person-card").length < n, heads.length);
    for (const text of await results.allInnerTexts()) assert.match(text, /Conservation/);
    await page.screenshot({ path: path.join(support.artifactDir("screenshots", "interactions"), "directory-filtered.png"), fullPage: true });

    // Nobody: a clear message.
    await name.fill("zzzz");
    await page.waitForFunction(() => /No one matches/.test(document.querySelector(".finder-status").textContent));
    assert.equal(await results.count(), 0);

    // Clearing everything brings the full list back.
    await name.fill("");
    await page.getByLabel("Team").selectOption("");
    await page.waitForFunction(() => !document.querySelector(".directory-list").hidden);
    assert.equal(await page.locator(".directory-list .person-card").count(), everyone);
    await ctx.close();
  });
});

describe("sharing", () => {
  for (const [site, url] of [["public", "/people/amara-okafor/"], ["public", "/stories/paddle-the-wend/"]]) {
    test(`the copy button copies the address (${url})`, async () => {
      const { ctx, page } = await open(site, url, { permissions: ["clipboard-read", "clipboard-write"] });
      const button = page.getByRole("button", { name: "Copy link" });
      await button.waitFor({ state: "visible" });
      const expected = await button.getAttribute("data-copy");
      assert.match(expected, /^https:\/\/people\.riverside\.example\//);
      await page.evaluate(() => navigator.clipboard.writeText("nothing yet"));
      await button.focus();
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => document.querySelector(".copy-status").textContent !== "");
      assert.equal(await page.locator(".copy-status").innerText(), "Link copied.");
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), expected);
      await ctx.close();
    });
  }

  test("the Mastodon form asks for a server before sharing", async () => {
    const { ctx, page } = await open("public", "/people/amara-okafor/");
    const server = page.getByLabel("Share on Mastodon: your server");
    await server.fill("not a server");
    await page.getByRole("button", { name: "Share on Mastodon" }).click();
    assert.match(await page.locator(".copy-status").innerText(), /Mastodon server's name/);
    assert.equal(await page.evaluate(() => document.activeElement.id), "mastodon-server");
    await ctx.close();
  });
});

describe("email signatures", () => {
  /** What the clipboard holds, as HTML and as text. */
  async function clipboard(page) {
    return page.evaluate(async () => {
      const out = {};
      for (const item of await navigator.clipboard.read()) {
        for (const type of item.types) out[type] = await (await item.getType(type)).text();
      }
      return out;
    });
  }

  test("Copy signature puts the signature on the clipboard as an HTML table and as text", async () => {
    const { ctx, page } = await open("playbook", "/signatures/amara-okafor/", { permissions: ["clipboard-read", "clipboard-write"] });
    const button = page.getByRole("button", { name: "Copy signature with a call to action: Winter Warmth Appeal" });
    await button.waitFor({ state: "visible" });
    await page.evaluate(() => navigator.clipboard.writeText("nothing yet"));
    await button.focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.querySelector(".copy-status").textContent !== "");
    assert.match(await page.locator(".copy-status").innerText(), /^Signature copied/);
    assert.equal(await page.locator(".copy-status").getAttribute("role"), "status");

    const copied = await clipboard(page);
    assert.ok(copied["text/html"], `no HTML on the clipboard: ${Object.keys(copied)}`);
    // Parse what was copied as a mail program would get it.
    const parsed = await page.evaluate((html) => {
      const doc = new DOMParser().parseFromString(html, "text/html");
      const table = doc.querySelector("table");
      return {
        table: !!table,
        links: [...doc.querySelectorAll("a")].map((a) => a.getAttribute("href")),
        unstyled: [...doc.querySelectorAll("table, td, a")].filter((el) => !el.getAttribute("style")).length,
        classes: doc.querySelectorAll("[class]").length,
        scripts: doc.querySelectorAll("script, style, img").length,
        text: table ? table.textContent : "",
      };
    }, copied["text/html"]);
    assert.ok(parsed.table, copied["text/html"]);
    for (const href of ["mailto:amara.okafor@riverside.example", "tel:07700900101",
      "https://people.riverside.example/people/amara-okafor/", "https://riverside.example/donate/winter-warmth"]) {
      assert.ok(parsed.links.includes(href), `${href} not in ${parsed.links}`);
    }
    assert.equal(parsed.unstyled, 0, "elements without inline styles");
    assert.equal(parsed.classes, 0, "class attributes");
    assert.equal(parsed.scripts, 0, "scripts, styles or images");
    assert.match(parsed.text, /Amara Okafor \(she\/her\)/);

    const text = copied["text/plain"];
    assert.ok(text, `no text on the clipboard: ${Object.keys(copied)}`);
    assert.equal(text, await page.locator("#signature-with-cta-text").innerText());
    assert.match(text, /^Amara Okafor \(she\/her\)\n/);
    assert.match(text, /My profile on Riverside Trust People: https:\/\/people\.riverside\.example\/people\/amara-okafor\//);
    assert.ok(!/</.test(text), text);
    await page.screenshot({ path: path.join(support.artifactDir("screenshots", "interactions"), "signature-copied.png"), fullPage: true });
    await ctx.close();
  });

  test("Copy plain text puts only the text on the clipboard", async () => {
    const { ctx, page } = await open("playbook", "/signatures/joss-reid/", { permissions: ["clipboard-read", "clipboard-write"] });
    const button = page.getByRole("button", { name: "Copy plain text without a call to action" });
    await button.click();
    await page.waitForFunction(() => document.querySelector(".copy-status").textContent !== "");
    assert.equal(await page.locator(".copy-status").innerText(), "Plain-text signature copied.");
    const text = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(text, /^Joss Reid/);
    assert.ok(text.includes("joss.reid@riverside.example"), text);
    // Joss is not on the hub: no link to it.
    assert.ok(!text.includes("people.riverside.example"), text);
    await ctx.close();
  });
});

describe("playbook search", () => {
  test("typing finds guidelines, stories and people", async () => {
    const { ctx, page } = await open("playbook", "/search/");
    const box = page.getByLabel(/Search guidelines/);
    await box.click();
    await page.keyboard.type("otter");
    await page.waitForFunction(() => document.querySelectorAll(".search-results li").length > 0);
    const hits = await page.locator(".search-results li").allInnerTexts();
    assert.ok(hits.some((h) => /otter/i.test(h)), hits.join(" | "));
    assert.match(await page.locator(".finder-status").innerText(), /\d+ results?\./);
    await page.screenshot({ path: path.join(support.artifactDir("screenshots", "interactions"), "search-otter.png") });
    await ctx.close();
  });
});

describe("the hub's home page and search", () => {
  test("a topic tile leads to the topic's people, and names people to ask", async () => {
    const { ctx, page } = await open("public", "/");
    const tile = page.locator(".topic-tile").first();
    const ask = tile.locator(".topic-ask a");
    assert.ok(await ask.count() >= 1);
    await tile.locator(".card-title a").click();
    await page.waitForURL(/\/topics\/[^/]+\/$/);
    assert.ok(await page.locator(".person-card").count() >= 1);
    await ctx.close();
  });

  test("search finds stories and campaigns and says what each is", async () => {
    const { ctx, page } = await open("public", "/search/");
    const box = page.getByLabel(/Search people, stories and campaigns/);
    await box.click();
    await page.keyboard.type("flamingo");
    await page.waitForFunction(() => document.querySelectorAll(".search-results li").length > 0);
    let hits = await page.locator(".search-results li").allInnerTexts();
    assert.ok(hits.some((h) => /^Story\s+Paddle the Wend/.test(h)), hits.join(" | "));
    await box.fill("");
    await page.keyboard.type("clean rivers");
    await page.waitForFunction(() => [...document.querySelectorAll(".search-results li")].some((li) => /^Campaign/.test(li.innerText)));
    hits = await page.locator(".search-results li").allInnerTexts();
    assert.ok(hits.some((h) => /^Campaign\s/.test(h)), hits.join(" | "));
    // Nothing of the playbook's: a draft story's words find nothing.
    await box.fill("");
    await page.keyboard.type("executors");
    await page.waitForFunction(() => /Nothing found/.test(document.querySelector(".finder-status").textContent));
    await page.screenshot({ path: path.join(support.artifactDir("screenshots", "interactions"), "hub-search.png") });
    await ctx.close();
  });
});

// One page of every kind, in both sites.
const KEYBOARD_PAGES = {
  public: ["/", "/people/", "/people/amara-okafor/", "/stories/", "/stories/paddle-the-wend/", "/campaigns/",
    "/campaigns/clean-rivers-summer/", "/topics/", "/topics/water-quality/", "/teams/conservation/", "/places/millbrook/",
    "/guidelines/", "/guidelines/accessible-posts/", "/search/", "/404.html"],
  playbook: ["/", "/people/", "/people/amara-okafor/", "/stories/kelham-cross-spill-review/", "/stories/",
    "/campaigns/clean-rivers-summer/", "/campaigns/clean-rivers-summer/share/", "/topics/water-quality/", "/teams/conservation/",
    "/places/millbrook/", "/guidelines/", "/guidelines/crisis-communications/", "/respond/", "/search/", "/signatures/",
    "/signatures/amara-okafor/", "/404.html"],
};

/** Mark every control a keyboard user should reach; return how many. */
function markControls() {
  const selector = "a[href], button, input, select, textarea, summary, [tabindex]";
  let n = 0;
  for (const el of document.querySelectorAll(selector)) {
    if (el.disabled || el.getAttribute("tabindex") === "-1" || el.closest("[inert]")) continue;
    if (!el.checkVisibility({ visibilityProperty: true }) || el.getClientRects().length === 0) continue;
    // The skip link is hidden until focused: it must be reached all the same.
    el.setAttribute("data-kb", String(n++));
  }
  return n;
}

/** Describe the focused element and whether its focus can be seen. */
function focusState() {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2 && style.outlineColor !== "rgba(0, 0, 0, 0)";
  const shadow = style.boxShadow && style.boxShadow !== "none";
  const inView = box.bottom > 0 && box.right > 0 && box.top < innerHeight && box.left < innerWidth && box.width > 0 && box.height > 0;
  // Not hidden behind something else (WCAG 2.4.11): the element or its child is on top
  // in the middle of its first box (a link that wraps has one box per line).
  const line = el.getClientRects()[0] || box;
  const x = Math.min(Math.max(line.left + line.width / 2, 0), innerWidth - 1);
  const y = Math.min(Math.max(line.top + line.height / 2, 0), innerHeight - 1);
  const top = document.elementFromPoint(x, y);
  const onTop = !!top && (el === top || el.contains(top) || top.contains(el));
  return {
    kb: el.getAttribute("data-kb"),
    name: el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + " " + (el.textContent || el.getAttribute("aria-label") || "").trim().slice(0, 40),
    visible: (outline || shadow) && inView && onTop,
    why: `outline ${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}; in view ${inView}; on top ${onTop}`,
  };
}

describe("keyboard only", () => {
  for (const site of ["public", "playbook"]) {
    for (const [width, colorScheme] of [[375, "dark"], [1280, "light"]]) {
      test(`${site} at ${width} px, ${colorScheme}: Tab reaches every control of every page kind, each with a visible focus`, async () => {
        const ctx = await env.context({ width, height: 800, colorScheme });
        const page = await ctx.newPage();
        const problems = [];
        for (const url of KEYBOARD_PAGES[site]) {
          await page.goto(env.servers[site].origin + url);
          await support.settled(page);
          const total = await page.evaluate(markControls);
          const reached = new Set();
          let first = null;
          for (let i = 0; i < total + 5; i++) {
            await page.keyboard.press("Tab");
            const state = await page.evaluate(focusState);
            if (!state) break; // back to the browser's own controls
            if (i === 0) first = state;
            if (state.kb !== null && reached.has(state.kb)) break;
            if (state.kb !== null) reached.add(state.kb);
            if (!state.visible) problems.push(`${site}${url} at ${width} px: focus not visible on ${state.name} (${state.why})`);
          }
          if (!first || !/^a .*Skip to main content/.test(first.name)) {
            problems.push(`${site}${url}: the first Tab does not reach the skip link (got ${first && first.name})`);
          }
          const missed = await page.evaluate((seen) => [...document.querySelectorAll("[data-kb]")]
            .filter((el) => !seen.includes(el.getAttribute("data-kb")))
            .map((el) => el.outerHTML.slice(0, 120)), [...reached]);
          for (const m of missed) problems.push(`${site}${url} at ${width} px: never reached by Tab: ${m}`);

          // The skip link moves focus to the main content.
          await page.goto(env.servers[site].origin + url);
          await support.settled(page);
          await page.keyboard.press("Tab");
          await page.keyboard.press("Enter");
          const landed = await page.evaluate(() => document.activeElement && document.activeElement.id);
          if (landed !== "main") problems.push(`${site}${url}: the skip link leaves focus on #${landed}, not #main`);
        }
        await page.goto(env.servers[site].origin + KEYBOARD_PAGES[site][2]);
        await support.settled(page);
        await page.keyboard.press("Tab");
        await page.screenshot({ path: path.join(support.artifactDir("screenshots", "interactions"), `${site}-skip-link-${width}.png`) });
        await ctx.close();
        assert.equal(problems.length, 0, `${problems.length} problems:\n  ${problems.join("\n  ")}`);
      });
    }
  }
});

describe("media", () => {
  test("with reduced motion asked for, nothing animates", async () => {
    const { ctx, page } = await open("public", "/people/amara-okafor/", { reducedMotion: "reduce" });
    const moving = await page.evaluate(() => [...document.querySelectorAll("*")]
      .filter((el) => {
        const s = getComputedStyle(el);
        const long = (list) => list.split(",").some((d) => parseFloat(d) > 0.01);
        return long(s.animationDuration) || long(s.transitionDuration);
      }).map((el) => el.tagName));
    assert.deepEqual(moving, []);
    await ctx.close();
  });

  test("a guideline prints without the site's navigation", async () => {
    const { ctx, page } = await open("playbook", "/guidelines/crisis-communications/");
    await page.emulateMedia({ media: "print" });
    for (const selector of [".site-header nav", ".site-footer", ".skip-link", ".after-guideline"]) {
      assert.equal(await page.locator(selector).first().isVisible(), false, `${selector} is printed`);
    }
    assert.ok(await page.locator("h1").isVisible());
    await page.pdf({ path: path.join(support.artifactDir(), "guideline-print.pdf"), format: "A4" });
    await ctx.close();
  });
});

describe("network", () => {
  test("no request left the local servers and no script failed", () => {
    assert.deepEqual(env.offsite, [], "requests to other hosts");
    assert.deepEqual(env.pageErrors, [], "errors in the pages' scripts");
  });
});
