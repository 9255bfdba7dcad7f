#!/bin/sh
# Installs dist/govform_VERSION_ARCH.deb into a scratch root (dpkg -x: its files as dpkg would place them)
# and runs the installed program: `govform check` and `govform export` on the sample, then `--smoke`.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$ROOT/govform/__init__.py")
DEB="$ROOT/dist/govform_${VERSION}_$(dpkg --print-architecture).deb"
SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT
dpkg -x "$DEB" "$SCRATCH/root"
INSTALLED="$SCRATCH/root/opt/govform"
# /usr/bin/govform points at /opt/govform/govform-cli: the same link inside the scratch root.
[ "$(readlink "$SCRATCH/root/usr/bin/govform")" = /opt/govform/govform-cli ]
SAMPLE="$INSTALLED/_internal/resources/samples/changshouhu-2024.govform"
cp "$SAMPLE" "$SCRATCH/sample.govform"
# A clean environment, so nothing of the build's checkout or virtualenv is found instead.
run() { env -i PATH=/usr/bin:/bin LANG=C.UTF-8 HOME="$SCRATCH" GOVFORM_HOME="$SCRATCH/home" QT_QPA_PLATFORM=offscreen "$@"; }
run "$INSTALLED/govform-cli" check "$SCRATCH/sample.govform"
run "$INSTALLED/govform-cli" export "$SCRATCH/sample.govform" -o "$SCRATCH/sample.docx" >/dev/null
run "$INSTALLED/govform-cli" --smoke "$SCRATCH/sample.govform"
echo "package: $(basename "$DEB") is $(($(stat -c %s "$DEB") / 1024 / 1024)) MB; installed into a scratch root, check, export and --smoke ran"
