#!/bin/sh
# Builds dist/govform_VERSION_ARCH.deb from the PyInstaller bundle in dist/govform/ (run `make package`).
# The package installs to /opt/govform, with a menu entry, an icon, the .govform file type and
# /usr/bin/govform; its Depends name the system libraries Qt loads (X11 and xcb, fontconfig, D-Bus, GLib:
# the bundle leaves them to the system, see packaging/govform.spec), present on UOS and Kylin desktops.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$ROOT/govform/__init__.py")
ARCH=$(dpkg --print-architecture)
BUNDLE="$ROOT/dist/govform"
[ -x "$BUNDLE/govform" ] || { echo "build-deb: $BUNDLE missing; run 'make package' first" >&2; exit 1; }

STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
  "$STAGE/usr/share/icons/hicolor/scalable/apps" "$STAGE/usr/share/mime/packages"
cp -a "$BUNDLE" "$STAGE/opt/govform"
ln -s /opt/govform/govform-cli "$STAGE/usr/bin/govform"
install -m 644 "$ROOT/packaging/linux/govform.desktop" "$STAGE/usr/share/applications/govform.desktop"
install -m 644 "$ROOT/packaging/linux/govform-mime.xml" "$STAGE/usr/share/mime/packages/govform.xml"
install -m 644 "$ROOT/resources/icons/govform.svg" "$STAGE/usr/share/icons/hicolor/scalable/apps/govform.svg"
SIZE=$(du -sk "$STAGE" | cut -f1)
cat > "$STAGE/DEBIAN/control" <<CONTROL
Package: govform
Version: $VERSION
Architecture: $ARCH
Maintainer: govform <govform@localhost>
Installed-Size: $SIZE
Section: office
Priority: optional
Depends: libxcb1, libx11-6, libx11-xcb1, libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1, libxcb-image0, libxcb-render-util0, libxcb-shape0, libxcb-xinerama0, libxcb-randr0, libxcb-xkb1, libxkbcommon0, libxkbcommon-x11-0, libegl1, libgl1, libfontconfig1, libfreetype6, libdbus-1-3, libglib2.0-0 | libglib2.0-0t64, libstdc++6, fonts-noto-cjk | fonts-wqy-microhei | fonts-wqy-zenhei
Description: 政府信息公开工作年度报告编写工具
 Writes, checks (勾稽关系) and exports the annual government information
 disclosure report in the State Council's standard format, offline.
CONTROL
cat > "$STAGE/DEBIAN/postinst" <<'POSTINST'
#!/bin/sh
set -e
command -v update-desktop-database >/dev/null && update-desktop-database -q /usr/share/applications || true
command -v update-mime-database >/dev/null && update-mime-database /usr/share/mime || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q /usr/share/icons/hicolor || true
POSTINST
cp "$STAGE/DEBIAN/postinst" "$STAGE/DEBIAN/postrm"
chmod 755 "$STAGE/DEBIAN/postinst" "$STAGE/DEBIAN/postrm"
OUT="$ROOT/dist/govform_${VERSION}_${ARCH}.deb"
dpkg-deb --root-owner-group --build "$STAGE" "$OUT" >/dev/null
echo "$OUT"
