#!/usr/bin/env python3
"""Convert a convene site into two equivalent Hugo sites, for benchmarking.

    python3 benches/hugo/convert.py SITE OUT [--now 2026-11-26T12:00:00Z]

writes OUT/public/ and OUT/playbook/, each a complete Hugo project (hugo.toml,
content/, layouts/ copied from benches/hugo/layouts, static/), built with
`hugo -s OUT/public` and `hugo -s OUT/playbook`.

The audience split is done here, the way docs/privacy.md defines it:

* public: people with `public: true` (and consent review not passed), stories
  that are not draft, not `audience: internal` and whose `publish_after` has
  passed, guidelines with `audience: public`, every campaign; no `internal`,
  `staff_notes` or share kit;
* playbook: everything, with the private fields and the story flags.

Everything else (Markdown, links between pages, which stories feature whom,
lists, cards) is left to Hugo's templates, so Hugo does the same work per page
as convene. Python 3 standard library only. The front-matter reader handles the
YAML that convene sites use (scalars, quoted strings, flow lists and maps,
block maps and block lists); it is not a general YAML parser.
"""

import argparse
import datetime as dt
import json
import os
import re
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


# ---------------------------------------------------------------- YAML subset

def _scalar(text):
    t = text.strip()
    if not t:
        return None
    if t[0] == '"':
        end = _closing_quote(t, 0)
        return json.loads(t[: end + 1]) if "\\" in t else t[1:end]
    if t[0] == "'":
        return t[1:-1].replace("''", "'")
    if t[0] == "[":
        return [_scalar(x) for x in _split_flow(t[1:-1])]
    if t[0] == "{":
        out = {}
        for item in _split_flow(t[1:-1]):
            k, _, v = item.partition(":")
            out[_scalar(k)] = _scalar(v)
        return out
    t = re.sub(r"\s+#.*$", "", t)
    if t in ("true", "True"):
        return True
    if t in ("false", "False"):
        return False
    if t in ("null", "~"):
        return None
    if re.fullmatch(r"-?\d+", t):
        return int(t)
    return t


def _closing_quote(t, start):
    i = start + 1
    while i < len(t):
        if t[i] == "\\":
            i += 2
            continue
        if t[i] == t[start]:
            return i
        i += 1
    raise ValueError("unterminated string: " + t)


def _split_flow(body):
    items, depth, cur, i = [], 0, "", 0
    while i < len(body):
        c = body[i]
        if c in "\"'":
            end = _closing_quote(body, i)
            cur += body[i : end + 1]
            i = end + 1
            continue
        if c in "[{":
            depth += 1
        elif c in "]}":
            depth -= 1
        if c == "," and depth == 0:
            items.append(cur)
            cur = ""
        else:
            cur += c
        i += 1
    if cur.strip():
        items.append(cur)
    return [x.strip() for x in items]


def parse_yaml(text):
    lines = [
        l.rstrip()
        for l in text.splitlines()
        if l.strip() and not l.lstrip().startswith("#")
    ]
    value, _ = _block(lines, 0, 0)
    return value if value is not None else {}


def _indent(line):
    return len(line) - len(line.lstrip(" "))


def _block(lines, i, indent):
    """Parse the block starting at lines[i] with the given indentation."""
    if i >= len(lines):
        return None, i
    if lines[i].lstrip().startswith("- ") or lines[i].strip() == "-":
        out = []
        while i < len(lines) and _indent(lines[i]) == indent and lines[i].lstrip().startswith("-"):
            out.append(_scalar(lines[i].lstrip()[1:]))
            i += 1
        return out, i
    out = {}
    while i < len(lines) and _indent(lines[i]) == indent:
        key, _, rest = lines[i].strip().partition(":")
        key = _scalar(key)
        i += 1
        if rest.strip():
            out[key] = _scalar(rest)
        elif i < len(lines) and (
            _indent(lines[i]) > indent
            or (_indent(lines[i]) == indent and lines[i].lstrip().startswith("- "))
        ):
            out[key], i = _block(lines, i, _indent(lines[i]))
        else:
            out[key] = None
    return out, i


def read_page(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if not text.startswith("---"):
        return {}, text
    _, fm, body = re.split(r"^---[ \t]*$", text, maxsplit=2, flags=re.M)
    return parse_yaml(fm), body.lstrip("\n")


# ------------------------------------------------------------------ the sites

def parse_instant(s):
    return dt.datetime.fromisoformat(str(s).replace("Z", "+00:00"))


def parse_day(s):
    return dt.date.fromisoformat(str(s)[:10])


def pages(site, section):
    folder = os.path.join(site, section)
    if not os.path.isdir(folder):
        return []
    out = []
    for name in sorted(os.listdir(folder)):
        if name.endswith(".md"):
            fm, body = read_page(os.path.join(folder, name))
            out.append((name[:-3], fm, body))
    return out


def write(path, front, body):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        # JSON front matter: Hugo reads it natively, and Python writes it safely.
        f.write(json.dumps(front, ensure_ascii=False, indent=1))
        f.write("\n\n")
        f.write(body)


def embargo_label(until):
    # Like convene: "Embargoed until 1 January 2099, 09:00 +00:00".
    off = until.strftime("%z") or "+0000"
    return "Embargoed until %d %s, %s %s:%s" % (
        until.day, until.strftime("%B %Y"), until.strftime("%H:%M"), off[:3], off[3:]
    )


def convert(site, out, now):
    config = parse_yaml(open(os.path.join(site, "hub.yaml"), encoding="utf-8").read())
    people = pages(site, "people")
    stories = pages(site, "stories")
    guidelines = pages(site, "guidelines")
    campaigns = pages(site, "campaigns")
    counts = {}

    for audience in ("public", "playbook"):
        playbook = audience == "playbook"
        root = os.path.join(out, audience)
        if os.path.exists(root):
            shutil.rmtree(root)
        content = os.path.join(root, "content")
        n = {"people": 0, "stories": 0, "guidelines": 0, "campaigns": 0}

        org = config.get("organisation") or {}
        utm = (config.get("share") or {}).get("utm") or {}
        hugo_toml = "\n".join(
            [
                'baseURL = %s' % json.dumps(
                    (config.get("playbook_base_url") if playbook else None)
                    or config.get("base_url", "https://example.org")
                ),
                "title = %s" % json.dumps(config.get("title", "")),
                # convene writes neither feeds nor sitemaps nor taxonomy pages
                # (yet), so Hugo does not either. The two taxonomies are only
                # indexes (stories by person, stories by campaign), like
                # convene's; their pages are never rendered.
                'disableKinds = ["rss", "sitemap"]',
                "enableRobotsTXT = true",
                "buildFuture = true",
                "buildDrafts = %s" % ("true" if playbook else "false"),
                "[[cascade]]",
                "  [cascade.build]",
                '    render = "never"',
                "  [cascade.target]",
                '    kind = "{taxonomy,term}"',
                "[taxonomies]",
                '  featured = "featuring"',
                '  incampaign = "incampaigns"',
                "[markup.highlight]",
                "  noClasses = false",
                "[markup.goldmark.renderer]",
                "  unsafe = false",
                # convene's Markdown has no smart quotes.
                "[markup.goldmark.extensions]",
                "  typographer = false",
                "[params]",
                "  language = %s" % json.dumps(config.get("language", "en")),
                "  playbook = %s" % ("true" if playbook else "false"),
                "  description = %s" % json.dumps(config.get("description", "")),
                "  public_url = %s" % json.dumps(config.get("base_url", "")),
                "  utm_source = %s" % json.dumps(utm.get("source", "")),
                "  utm_medium = %s" % json.dumps(utm.get("medium", "")),
                "[params.organisation]",
                "  name = %s" % json.dumps(org.get("name", "")),
                "  url = %s" % json.dumps(org.get("url", "")),
                "  charity_number = %s" % json.dumps(str(org.get("charity_number", ""))),
                "",
            ]
        )
        os.makedirs(root)
        with open(os.path.join(root, "hugo.toml"), "w", encoding="utf-8") as f:
            f.write(hugo_toml)
        shutil.copytree(os.path.join(HERE, "layouts"), os.path.join(root, "layouts"))
        if os.path.isdir(os.path.join(site, "static")):
            shutil.copytree(os.path.join(site, "static"), os.path.join(root, "static"))
        css = os.path.join(REPO, "themes", "default", "static", "convene.css")
        os.makedirs(os.path.join(root, "static", "assets"), exist_ok=True)
        shutil.copy(css, os.path.join(root, "static", "assets", "convene.css"))

        for section, title in (
            ("people", "People"),
            ("stories", "Stories"),
            ("campaigns", "Campaigns"),
            ("guidelines", "Guidelines"),
        ):
            write(os.path.join(content, section, "_index.md"), {"title": title}, "")
        write(os.path.join(content, "_index.md"), {"title": config.get("title", "")}, "")

        for slug, fm, body in people:
            review = fm.get("consent_review")
            public = bool(fm.get("public")) and (review is None or parse_day(review) >= now.date())
            if not (public or playbook):
                continue
            params = {
                k: fm[k]
                for k in ("role", "team", "location", "pronouns", "topics", "photo", "photo_alt")
                if fm.get(k) is not None
            }
            params["links"] = [{"network": k, "url": v} for k, v in (fm.get("links") or {}).items()]
            if playbook:
                params["private"] = {
                    "public": public,
                    "consent_review": review,
                    "responding_level": fm.get("responding_level"),
                    "responds_on": fm.get("responds_on") or [],
                    "internal": [
                        {"key": k, "value": v} for k, v in (fm.get("internal") or {}).items()
                    ],
                }
            front = {"title": fm["name"], "params": params}
            if fm.get("aliases"):
                front["aliases"] = ["/people/%s/" % a for a in fm["aliases"]]
            write(os.path.join(content, "people", slug + ".md"), front, body)
            n["people"] += 1

        for stem, fm, body in stories:
            flags = []
            if fm.get("draft"):
                flags.append("Draft")
            if fm.get("audience", "public") == "internal":
                flags.append("Internal only")
            if fm.get("publish_after") is not None:
                until = parse_instant(fm["publish_after"])
                if until > now:
                    flags.append(embargo_label(until))
            if flags and not playbook:
                continue
            params = {
                k: fm[k]
                for k in ("campaign", "people", "topics", "summary", "image", "image_alt")
                if fm.get(k) is not None
            }
            front = {
                "title": fm.get("title", stem),
                "date": str(fm["date"]),
                "slug": re.sub(r"^\d{4}-\d{2}-\d{2}-", "", stem),
                "featuring": fm.get("people") or [],
                "incampaigns": [fm["campaign"]] if fm.get("campaign") else [],
                "params": params,
            }
            if playbook:
                params["flags"] = flags
                if fm.get("staff_notes"):
                    params["staff_notes"] = fm["staff_notes"]
                if fm.get("draft"):
                    front["draft"] = True
            if fm.get("aliases"):
                front["aliases"] = ["/stories/%s/" % a for a in fm["aliases"]]
            write(os.path.join(content, "stories", stem + ".md"), front, body)
            n["stories"] += 1

        for slug, fm, body in guidelines:
            is_public = fm.get("audience", "internal") == "public"
            if not (is_public or playbook):
                continue
            front = {"title": fm["title"], "params": {"tags": fm.get("tags") or [], "is_public": is_public}}
            if fm.get("order") is not None:
                front["weight"] = int(fm["order"]) + 1  # Hugo ignores weight 0
            write(os.path.join(content, "guidelines", slug + ".md"), front, body)
            n["guidelines"] += 1

        for slug, fm, body in campaigns:
            params = {
                k: fm[k] for k in ("starts", "ends", "hashtags", "cta") if fm.get(k) is not None
            }
            if playbook:
                params["share"] = fm.get("share") or []
                if fm.get("staff_notes"):
                    params["staff_notes"] = fm["staff_notes"]
            front = {"title": fm["title"], "params": params}
            if fm.get("starts"):
                front["date"] = str(fm["starts"])  # newest start first, like convene
            write(os.path.join(content, "campaigns", slug + ".md"), front, body)
            n["campaigns"] += 1
        counts[audience] = n
    return counts


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("site", help="a convene site folder (with hub.yaml)")
    ap.add_argument("out", help="folder for the two Hugo projects (replaced)")
    ap.add_argument("--now", default=None, help="RFC 3339 time for embargoes (default: now)")
    args = ap.parse_args()
    now = parse_instant(args.now) if args.now else dt.datetime.now(dt.timezone.utc)
    counts = convert(args.site, args.out, now)
    for audience, n in counts.items():
        print(
            "%s/%s: %d people, %d stories, %d guidelines, %d campaigns"
            % (args.out, audience, n["people"], n["stories"], n["guidelines"], n["campaigns"])
        )


if __name__ == "__main__":
    sys.exit(main())
