#!/bin/sh
# Stamp the service worker with this build's file list and a version derived from the files'
# contents (see public/sw.js). Run by trunk as a post_build hook, and again by `cargo xtask build`
# (`sh tools/sw-precache.sh <dist>`) once the pre-rendered pages are written: a second run
# replaces the first stamp. Development builds get no precache list, so `trunk serve` is never
# served stale files.
set -eu
dir="${1:-${TRUNK_STAGING_DIR:?run by trunk as a post_build hook, or with the build folder}}"
sw="$dir/sw.js"
[ -f "$sw" ] || exit 0
# The worker's own code, without an earlier stamp.
body=$(grep -v '^self\.IUC_BUILD = ' "$sw")
if [ -z "${1:-}" ] && [ "${TRUNK_PROFILE:-debug}" != "release" ]; then
  printf 'self.IUC_BUILD = null;\n%s\n' "$body" > "$sw.tmp" && mv "$sw.tmp" "$sw"
  exit 0
fi
cd "$dir"
# Every file of the build except the worker itself, relative to the scope (sorted: deterministic).
# The wizard's city gazetteer and the JSON schema are left to be cached when first used (data
# files are cached at run time too), so a first visit does not download them; so are the
# pre-rendered pairing pages (one per pairing, each a whole page: the worker answers a pairing's
# address with index.html until that page was visited, and the app shows the pairing). Nor are
# the PNG icons (the browser fetches them to install the app, the page never shows them) or
# 404.html (for hosts that serve one; the worker answers an unknown address with index.html).
# Nor are the other languages' strings (i18n/): a visit downloads the language it is shown in
# (handed over to the worker, like the data), and the worker keeps each language once it is used.
# Nor is the basemap's file: the app takes the basemap from index.html (src/data.rs, load_world).
files=$(find . -type f ! -name sw.js ! -name '*.map' ! -name 'gazetteer.json' ! -name '*.schema.json' \
  ! -name shell.html ! -name 404.html ! -name '*.png' ! -path './pairing/*' ! -path './i18n/*' ! -name world.json | sed 's|^\./||' | LC_ALL=C sort)
# Every pre-rendered page (to answer a navigation with its own page when it is cached).
pages=$(find . -type f -name '*.html' ! -name shell.html | sed 's|^\./||' | LC_ALL=C sort)
version=$(for f in $(find . -type f ! -name sw.js | sed 's|^\./||' | LC_ALL=C sort); do sha256sum "$f"; done | sha256sum | cut -c1-16)
# (Not "./" as well: navigations are answered with index.html, which is in the list.)
list=$(printf '%s\n' $files | sed 's/.*/"&"/' | paste -sd, -)
plist=$(printf '%s\n' $pages | sed 's/.*/"&"/' | paste -sd, -)
printf 'self.IUC_BUILD = { version: "%s", files: [%s], pages: [%s] };\n%s\n' "$version" "$list" "$plist" "$body" > sw.js.tmp
mv sw.js.tmp sw.js
