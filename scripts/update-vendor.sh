#!/bin/sh
# Fetches the vendored front-end packages from the npm registry into static/vendor/ (and axe-core,
# used only by the browser tests, into tests/vendor/). Node and npm are needed to run this
# script, never to run the app. Bump a version below, run it, look at the pages, commit.
set -eu

UTRECHT_CSS=@utrecht/component-library-css@9.0.4
TOKENS=@nl-design-system-unstable/voorbeeld-design-tokens@7.4.1
HTMX=htmx.org@2.0.8
AXE=axe-core@4.11.4

root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# unpack SPEC DIR: npm pack SPEC into $work/DIR/package
unpack() {
	mkdir -p "$work/$2"
	(cd "$work/$2" && npm pack --silent "$1" >/dev/null && tar xzf ./*.tgz)
}

# put SPEC DEST FILE...: copy FILEs (paths inside the package) to DEST with the licence and a
# VERSION file naming the exact package.
put() {
	spec=$1 dest=$2
	shift 2
	name=$(echo "$spec" | tr '@/' '__')
	unpack "$spec" "$name"
	rm -rf "$dest" && mkdir -p "$dest"
	for f in "$@"; do cp "$work/$name/package/$f" "$dest/"; done
	for lic in LICENSE LICENSE.md LICENSE.txt; do
		[ -f "$work/$name/package/$lic" ] && cp "$work/$name/package/$lic" "$dest/"
	done
	version=$(node -p "require('$work/$name/package/package.json').version")
	pkg=$(node -p "require('$work/$name/package/package.json').name")
	printf '%s %s\n(fetched from the npm registry by scripts/update-vendor.sh)\n' "$pkg" "$version" >"$dest/VERSION"
	echo "$pkg $version -> ${dest#"$root"/}"
}

put "$UTRECHT_CSS" "$root/static/vendor/utrecht" dist/html.css dist/index.css
put "$TOKENS" "$root/static/vendor/voorbeeld-design-tokens" dist/theme.css
put "$HTMX" "$root/static/vendor/htmx" dist/htmx.min.js
put "$AXE" "$root/tests/vendor/axe-core" axe.min.js
