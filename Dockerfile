# convene in a small container image, for GitLab CI and other hosts that run
# jobs in containers:
#
#   docker build -t convene .
#   docker run --rm -v "$PWD:/site" -w /site convene convene build .
#
# The first stage compiles a static binary (Alpine's Rust targets musl); the
# second is plain Alpine with that one file added: no compiler, no cargo.
# Alpine rather than an image without a shell, because GitLab CI runs each
# job's script with sh inside the image.
#
# .ci/check-dockerfile runs the build stage's COPY and cargo lines without
# Docker, in a clean folder.

FROM rust:1-alpine AS build
# jemalloc, convene's memory allocator, is compiled from C with make.
RUN apk add --no-cache musl-dev make
WORKDIR /src
COPY Cargo.toml Cargo.lock build.rs README.md PUBLISHING.md ./
COPY src src
COPY themes themes
COPY content-example content-example
COPY blank-site blank-site
COPY publishing publishing
RUN cargo build --release --locked --bin convene

FROM alpine:3
COPY --from=build /src/target/release/convene /usr/local/bin/convene
# No ENTRYPOINT: CI runners start the image's shell and run their script.
CMD ["convene", "--help"]
