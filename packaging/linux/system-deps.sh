#!/bin/sh
# Installs the Debian/UOS/Kylin packages govform needs, when missing, saying which and why.
#   system-deps.sh run    the libraries Qt needs to open a window on X (xcb), and a Chinese font
#   system-deps.sh test   those, plus LibreOffice (Writer and Calc), poppler and pandoc for the export tests, and
#                         an X server, a window manager and xdotool for the test that types into the real window
# As root it installs what is missing, waiting up to 5 minutes for another apt-get or the system's
# automatic updates to finish (a fresh machine often runs one at first boot); otherwise it names the
# packages and the command, and fails.
set -eu

RUN_PACKAGES="libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0
libxcb-xinerama0 libxcb-randr0 libxcb-xkb1 libxkbcommon-x11-0 libxkbcommon0 libegl1 libgl1 libfontconfig1
libdbus-1-3 fonts-noto-cjk"
TEST_PACKAGES="libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils pandoc xvfb openbox xdotool xclip"
LOCK_WAIT=300 # seconds to wait for the dpkg lock held by another package manager
APT="apt-get -o DPkg::Lock::Timeout=$LOCK_WAIT"

# Why a package is needed, as said to whoever runs this.
reason() {
  case "$1" in
    fonts-noto-cjk) echo "中文字体：窗口和导出文档里的汉字" ;;
    libreoffice-writer-nogui) echo "测试用：把导出的 Word 文档打印成 PDF，检查版式" ;;
    libreoffice-calc-nogui) echo "测试用：用 LibreOffice Calc 另存导出的 Excel 表格，检查能否读回" ;;
    poppler-utils) echo "测试用：从 PDF 中取出文字和页面图像" ;;
    pandoc) echo "测试用：读出 Word 文档的文字" ;;
    xvfb) echo "测试用：不接显示器的 X 屏幕，供真实窗口运行" ;;
    openbox) echo "测试用：X 屏幕上的窗口管理器，负责窗口激活和键盘焦点" ;;
    xdotool) echo "测试用：在真实的 X 屏幕上用按键操作窗口" ;;
    xclip) echo "测试用：读写真实 X 屏幕上的剪贴板" ;;
    libdbus-1-3) echo "窗口：Qt 与桌面（输入法、主题）通信" ;;
    *) echo "窗口：Qt 在 X11 桌面上打开窗口所需的库（缺少时 Qt 报 Could not load the Qt platform plugin \"xcb\"）" ;;
  esac
}

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

explain() {
  for package in $missing; do
    echo "  $package：$(reason "$package")" >&2
  done
}

if [ "$(id -u)" -ne 0 ]; then
  echo "缺少系统软件包：" >&2
  explain
  echo "请运行：sudo $APT update && sudo $APT install -y --no-install-recommends$missing" >&2
  exit 1
fi
echo "system-deps: 安装以下系统软件包（另一个安装程序正在运行时，最多等待 $LOCK_WAIT 秒）：" >&2
explain
export DEBIAN_FRONTEND=noninteractive
$APT update -qq
# shellcheck disable=SC2086
$APT install -y -qq --no-install-recommends $missing >/dev/null
echo "system-deps: 已安装。" >&2
