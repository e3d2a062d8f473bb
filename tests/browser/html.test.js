// Every HTML page of both sites of content-example through the Nu Html Checker
// (vnu-jar), in one Java run: zero errors allowed.
"use strict";

const { test, after } = require("node:test");
const assert = require("node:assert/strict");
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");
const support = require("./support");

const VNU = require("vnu-jar");

after(() => support.cleanupBuild());

test("every page of both sites is valid HTML (Nu Html Checker, errors only)", () => {
  const java = spawnSync("java", ["-version"], { encoding: "utf8" });
  assert.equal(java.status, 0, "Java is needed to run the Nu Html Checker (vnu.jar): install a JRE, e.g. apt-get install -y default-jre-headless");

  const site = support.buildExample();
  const files = [];
  const counts = {};
  for (const name of ["public", "playbook"]) {
    const pages = support.htmlFiles(site[name]).map((rel) => path.join(site[name], rel));
    counts[name] = pages.length;
    files.push(...pages);
  }
  assert.ok(counts.public > 0 && counts.playbook > 0, "the build wrote no pages");

  const run = spawnSync("java", ["-Xss4m", "-jar", VNU, "--format", "json", "--errors-only", ...files], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  assert.ok(run.status === 0 || run.status === 1, `vnu did not run (exit ${run.status}): ${run.stderr || run.error}`);
  // vnu writes its JSON report to standard error.
  const report = JSON.parse(run.stderr);
  const errors = report.messages.filter((m) => m.type === "error" || (m.type === "non-document-error"));
  const prefix = "file:" + site.dist + path.sep;
  const lines = errors.map((m) => `${(m.url || "").replace(prefix, "")}:${m.lastLine || "?"}:${m.firstColumn || m.lastColumn || "?"}: ${m.message}` +
    (m.extract ? `\n      ${m.extract.replace(/\n/g, " ")}` : ""));

  const summary = { checked: counts, errors: errors.length, validator: "vnu-jar " + require("vnu-jar/package.json").version };
  fs.writeFileSync(path.join(support.artifactDir(), "html-summary.json"), JSON.stringify(summary, null, 2) + "\n");
  console.log(`# vnu: ${counts.public} public and ${counts.playbook} playbook pages, ${errors.length} errors`);
  assert.equal(errors.length, 0, `${errors.length} HTML errors:\n  ${lines.join("\n  ")}`);
});
