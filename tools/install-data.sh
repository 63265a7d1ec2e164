#!/bin/sh
# install-data.sh — run by `meson install`: the data made after configuration that meson cannot
# name as an install target: the inflected forms (build/lexicon/{fr,en}/forms.tsv, written by
# lexforms beside its declared output) and the GeoNames gazetteer (data/gazetteer.qpg, made by
# tools/fetch-geonames.sh after the build). An installed quipu without them would refuse to
# extract, so a missing one fails the install with the command that makes it.
set -eu
dest="${MESON_INSTALL_DESTDIR_PREFIX:?run by meson install}/${1:-share/quipu}"
build="${MESON_BUILD_ROOT:?}"
src="${MESON_SOURCE_ROOT:?}"
say() { echo "install-data: $*" >&2; }
for lang in fr en; do
    f="$build/lexicon/$lang/forms.tsv"
    [ -s "$f" ] || { say "$f is missing: run ninja -C $build first"; exit 1; }
    install -D -m 0644 "$f" "$dest/lexicon/$lang/forms.tsv"
done
gaz="$src/data/gazetteer.qpg"
[ -s "$gaz" ] || { say "$gaz is missing: run tools/fetch-geonames.sh (tools/setup.sh does) first"; exit 1; }
install -D -m 0644 "$gaz" "$dest/data/gazetteer.qpg"
say "installed the inflected forms and the gazetteer under $dest"
