#!/bin/sh
# check-size.sh BUNDLE LIMIT_MB: prints the unpacked bundle's size and fails when it is LIMIT_MB or more
# (a Qt module, plugin or library pulled in by accident shows here first).
set -eu
kb=$(du -sk "$1" | cut -f1)
mb=$((kb / 1024))
echo "package: $1 is $mb MB unpacked (limit $2 MB)"
if [ "$mb" -ge "$2" ]; then
  echo "package: $1 is over $2 MB; see packaging/govform.spec (QT_PLUGINS, excludes)" >&2
  exit 1
fi
