#!/bin/sh
# Installs the Debian/UOS/Kylin packages govform needs, when missing.
#   system-deps.sh run    the libraries Qt needs to open a window on X (xcb)
#   system-deps.sh test   those, plus LibreOffice (Writer and Calc), poppler, CJK fonts and pandoc for the export tests
# As root it installs what is missing; otherwise it names the packages and the command, and fails.
set -eu

RUN_PACKAGES="libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0
libxcb-xinerama0 libxcb-randr0 libxcb-xkb1 libxkbcommon-x11-0 libxkbcommon0 libegl1 libgl1 libfontconfig1
libdbus-1-3 fonts-noto-cjk"
TEST_PACKAGES="libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils pandoc"

case "${1:-run}" in
  run) wanted="$RUN_PACKAGES" ;;
  test) wanted="$RUN_PACKAGES $TEST_PACKAGES" ;;
  *) echo "usage: $0 run|test" >&2; exit 2 ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "system-deps: not a Debian-family system; install the equivalents of: $wanted" >&2
  exit 0
fi

missing=""
for package in $wanted; do
  status=$(dpkg-query -W -f='${db:Status-Abbrev}' "$package" 2>/dev/null || true)
  case "$status" in
    ii*) ;;
    *) missing="$missing $package" ;;
  esac
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "缺少系统软件包：$missing" >&2
  echo "请运行：sudo apt-get update && sudo apt-get install -y --no-install-recommends$missing" >&2
  exit 1
fi
echo "system-deps: installing$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >/dev/null
