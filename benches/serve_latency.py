#!/usr/bin/env python3
"""Time `convene serve` from saving a file to the change being served.

    python3 benches/serve_latency.py SITE [--edits 20] [--binary target/release/convene]
        [--change profile|template|brand]

Starts serve on SITE (use a copy: it edits files there), waits until it is
watching, then makes N edits. For each it measures from the file write to
the first HTTP response that shows the change, polling every millisecond,
and prints every time and the median.

- profile (default): a public profile's role; the profile page must show it.
- template: the site's own `templates/person.html` (the theme's, with a
  marker in a comment); the profile page must carry the marker. Every page
  is rendered again.
- brand: hub.yaml's `brand.accent`, switched between two colours that pass
  the contrast checks; the stylesheet must carry the new colour.
"""
import argparse
import http.client
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time


def free_port():
    while True:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port + 1))
                return port
            except OSError:
                continue


def fetch(port, path):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    conn.request("GET", path)
    body = conn.getresponse().read().decode("utf-8", "replace")
    conn.close()
    return body


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("site")
    ap.add_argument("--edits", type=int, default=20)
    ap.add_argument("--binary", default="target/release/convene")
    ap.add_argument("--log", action="store_true", help="print serve's own lines at the end")
    ap.add_argument("--change", choices=["profile", "template", "brand"], default="profile")
    a = ap.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    theme_person = os.path.join(here, "..", "themes", "default", "templates", "person.html")
    own_template = os.path.join(a.site, "templates", "person.html")
    hub = os.path.join(a.site, "hub.yaml")
    hub_original = open(hub, encoding="utf-8").read()
    accents = ["#1f5f63", "#6b3a6e"]
    people = os.path.join(a.site, "people")
    profile = next(os.path.join(people, f) for f in sorted(os.listdir(people))
                   if "public: true" in open(os.path.join(people, f), encoding="utf-8").read())
    slug = os.path.basename(profile)[:-3]
    original = open(profile, encoding="utf-8").read()
    port = free_port()
    out = tempfile.mkdtemp(prefix="convene-serve-bench-")
    shutil.rmtree(out)
    proc = subprocess.Popen([a.binary, "serve", a.site, "--port", str(port), "--out", out,
                             "--now", "2026-11-26T12:00:00Z"], stderr=subprocess.PIPE, text=True)
    ready = threading.Event()
    log = []

    def read_log():
        for line in proc.stderr:
            log.append(line.rstrip())
            if "watching for changes" in line:
                ready.set()
    threading.Thread(target=read_log, daemon=True).start()
    started = time.monotonic()
    if not ready.wait(300):
        proc.kill()
        sys.exit("serve did not start")
    print(f"serve ready after {time.monotonic() - started:.2f} s (initial full build)")
    times = []
    try:
        for i in range(a.edits):
            # Let the last edit settle: after a template or hub.yaml change the
            # whole site is rendered again, then checked.
            time.sleep(1.0 if a.change == "profile" else 8.0)
            if a.change == "profile":
                token = f"Benchmark Role {i} {time.time_ns()}"
                target, page = profile, f"/people/{slug}/"
                text = re.sub(r"^role: .*$", f"role: \"{token}\"", original, count=1, flags=re.M)
            elif a.change == "template":
                token = f"benchmark-template-{i}-{time.time_ns()}"
                target, page = own_template, f"/people/{slug}/"
                os.makedirs(os.path.dirname(own_template), exist_ok=True)
                theme = open(theme_person, encoding="utf-8").read()
                text = theme.replace("{% block content %}", f"{{% block content %}}<!-- {token} -->", 1)
            else:
                token = accents[(i + 1) % 2]
                target, page = hub, "/assets/convene.css"
                text = re.sub(r'accent: "#[0-9a-f]{6}"', f'accent: "{token}"', hub_original, count=1)
            t0 = time.monotonic()
            with open(target, "w", encoding="utf-8") as f:
                f.write(text)
            while token not in fetch(port, page):
                if time.monotonic() - t0 > 30:
                    sys.exit(f"edit {i} never showed up")
                time.sleep(0.001)
            times.append((time.monotonic() - t0) * 1000)
    finally:
        with open(profile, "w", encoding="utf-8") as f:
            f.write(original)
        with open(hub, "w", encoding="utf-8") as f:
            f.write(hub_original)
        if os.path.exists(own_template):
            os.remove(own_template)
        proc.kill()
        shutil.rmtree(out, ignore_errors=True)
    print(f"{a.change} edit to served (ms): " + ", ".join(f"{t:.0f}" for t in times))
    print(f"median {statistics.median(times):.0f} ms, min {min(times):.0f} ms, max {max(times):.0f} ms over {len(times)} edits")
    if a.log:
        print("\n".join(l for l in log if not l.startswith((" ", "|", "=")) and "warning" not in l))
    updates = [l for l in log if l.startswith("updated ")]
    if updates:
        print("serve's own timing of the last update (own page + lists): " + updates[-1])


if __name__ == "__main__":
    main()
