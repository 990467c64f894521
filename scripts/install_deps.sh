#!/usr/bin/env bash
# Installs the Debian packages Jiangbei Twin needs, only those missing. Safe to run again.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libopenscenegraph-dev libgdal-dev gdal-bin libproj-dev proj-bin
  libimgui-dev nlohmann-json3-dev libcli11-dev libgtest-dev
  libmosquitto-dev mosquitto mosquitto-clients libcpp-httplib-dev curl python3
  libspdlog-dev libfontconfig-dev libexpat1-dev libtinygltf-dev libdraco-dev libmeshoptimizer-dev libstb-dev ffmpeg
  xvfb xauth libgl1-mesa-dri libegl-dev libegl-mesa0 fonts-wqy-microhei fontconfig
  xclip xdotool x11-utils time
  uim-xim uim-data locales xfonts-base xfonts-wqy
  postgresql-15 postgresql-15-postgis-3
)
# The PostGIS tests start a server of their own on 127.0.0.1 (as root they run it as the
# `postgres` user the package creates; PostgreSQL refuses to run as root).
# The UI test types pinyin through uim's XIM server (as a user would through fcitx or ibus);
# uim-xim needs X core fonts for its candidate window and its pinyin tables registered.
register_pinyin() {
  grep -q pyload /var/lib/uim/installed-modules.scm 2>/dev/null || $sudo uim-module-manager --register pyload
}
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  register_pinyin
  exit 0
fi

echo "installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
register_pinyin
