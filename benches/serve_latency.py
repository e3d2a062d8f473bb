#!/usr/bin/env python3
"""Time `convene serve` from saving a profile to the new text being served.

    python3 benches/serve_latency.py SITE [--edits 20] [--binary target/release/convene]

Starts serve on SITE (use a copy: it edits one profile), waits until it is
watching, then edits a public profile's role N times. For each edit it
measures from the file write to the first HTTP response that contains the
new role, polling every millisecond, and prints every time and the median.
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
    a = ap.parse_args()
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
            token = f"Benchmark Role {i} {time.time_ns()}"
            text = re.sub(r"^role: .*$", f"role: \"{token}\"", original, count=1, flags=re.M)
            time.sleep(1.0)  # people pause between saves; let the last edit settle
            t0 = time.monotonic()
            with open(profile, "w", encoding="utf-8") as f:
                f.write(text)
            while token not in fetch(port, f"/people/{slug}/"):
                if time.monotonic() - t0 > 30:
                    sys.exit(f"edit {i} never showed up")
                time.sleep(0.001)
            times.append((time.monotonic() - t0) * 1000)
    finally:
        with open(profile, "w", encoding="utf-8") as f:
            f.write(original)
        proc.kill()
        shutil.rmtree(out, ignore_errors=True)
    print("edit to served (ms): " + ", ".join(f"{t:.0f}" for t in times))
    print(f"median {statistics.median(times):.0f} ms, min {min(times):.0f} ms, max {max(times):.0f} ms over {len(times)} edits")
    updates = [l for l in log if l.startswith("updated ")]
    if updates:
        print("serve's own timing of the last update (own page + lists): " + updates[-1])


if __name__ == "__main__":
    main()
