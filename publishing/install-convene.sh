#!/bin/sh
# Written by `convene init`. Downloads the convene release named by
# CONVENE_VERSION (set once, in your CI file), checks the archive against
# the SHA-256 checksum published with it, and puts the `convene` command in
# .convene/bin. Both .github/workflows/convene.yml and .gitlab-ci.yml run it;
# nothing is compiled and no package is installed by name.
set -eu

: "${CONVENE_VERSION:?set CONVENE_VERSION in the CI file, for example 0.1.0}"
# Where releases are downloaded from; only change it to use a mirror.
releases="${CONVENE_RELEASES:-https://github.com/convene-hub/convene/releases/download}"
bin="${CONVENE_BIN_DIR:-$PWD/.convene/bin}"

case "$(uname -m)" in
  x86_64 | amd64) arch=x86_64 ;;
  aarch64 | arm64) arch=aarch64 ;;
  *) echo "convene has no Linux release for $(uname -m)" >&2; exit 1 ;;
esac
name="convene-v$CONVENE_VERSION-$arch-unknown-linux-musl"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# curl on GitHub's runners, BusyBox wget on Alpine (GitLab's image here).
fetch() {
  if command -v curl >/dev/null 2>&1; then
    curl --fail --silent --show-error --location --retry 3 --output "$2" "$1"
  else
    wget -q -O "$2" "$1"
  fi
}
fetch "$releases/v$CONVENE_VERSION/$name.tar.gz" "$tmp/archive.tar.gz"
fetch "$releases/v$CONVENE_VERSION/$name.tar.gz.sha256" "$tmp/archive.sha256"

expected="$(cut -d ' ' -f 1 "$tmp/archive.sha256")"
actual="$(sha256sum "$tmp/archive.tar.gz" | cut -d ' ' -f 1)"
if [ "${#expected}" -ne 64 ] || [ "$expected" != "$actual" ]; then
  echo "the download of $name.tar.gz does not match its published SHA-256 checksum; nothing was installed" >&2
  exit 1
fi

tar -xzf "$tmp/archive.tar.gz" -C "$tmp"
mkdir -p "$bin"
cp "$tmp/$name/convene" "$bin/convene"
chmod 755 "$bin/convene"
# On GitHub Actions, the following steps find convene on the PATH.
if [ -n "${GITHUB_PATH:-}" ]; then
  echo "$bin" >>"$GITHUB_PATH"
fi
"$bin/convene" --version
