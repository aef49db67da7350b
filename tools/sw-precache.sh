#!/bin/sh
# trunk post_build hook: stamp the service worker with this build's file list and a version
# derived from the files' contents (see public/sw.js). Development builds get no precache list,
# so `trunk serve` is never served stale files.
set -eu
dir="${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
sw="$dir/sw.js"
[ -f "$sw" ] || exit 0
if [ "${TRUNK_PROFILE:-debug}" != "release" ]; then
  printf 'self.IUC_BUILD = null;\n%s\n' "$(cat "$sw")" > "$sw.tmp" && mv "$sw.tmp" "$sw"
  exit 0
fi
cd "$dir"
# Every file of the build except the worker itself, relative to the scope (sorted: deterministic).
# The wizard's city gazetteer and the JSON schema are left to be cached when first used (data
# files are cached at run time too), so a first visit does not download them.
files=$(find . -type f ! -name sw.js ! -name '*.map' ! -name 'gazetteer.json' ! -name '*.schema.json' | sed 's|^\./||' | LC_ALL=C sort)
version=$(for f in $files; do sha256sum "$f"; done | sha256sum | cut -c1-16)
# (Not "./" as well: navigations are answered with index.html, which is in the list.)
list=$(printf '%s\n' $files | sed 's/.*/"&"/' | paste -sd, -)
printf 'self.IUC_BUILD = { version: "%s", files: [%s] };\n%s\n' "$version" "$list" "$(cat sw.js)" > sw.js.tmp
mv sw.js.tmp sw.js
