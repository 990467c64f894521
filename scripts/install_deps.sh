#!/usr/bin/env bash
# Installs the Debian packages Jiangbei Twin needs, only those missing. Safe to run again.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libopenscenegraph-dev libgdal-dev gdal-bin libproj-dev proj-bin
  libimgui-dev nlohmann-json3-dev libcli11-dev libgtest-dev
  libmosquitto-dev mosquitto mosquitto-clients libcpp-httplib-dev curl python3
  libspdlog-dev libfontconfig-dev libexpat1-dev libtinygltf-dev libdraco-dev libmeshoptimizer-dev gltfpack libstb-dev ffmpeg
  xvfb xauth libgl1-mesa-dri libegl-dev libegl-mesa0 fonts-wqy-microhei fontconfig
  xclip xdotool x11-utils time
  uim-xim uim-data locales xfonts-base xfonts-wqy
  postgresql-15 postgresql-15-postgis-3
)
# The PostGIS tests start a server of their own on 127.0.0.1 (as root they run it as the
# `postgres` user the package creates; PostgreSQL refuses to run as root).
# gltfpack packs glTF with EXT_meshopt_compression for the loader's tests (an encoder not ours).
# The UI test types pinyin through uim's XIM server (as a user would through fcitx or ibus);
# uim-xim needs X core fonts for its candidate window and its pinyin tables registered.
register_pinyin() {
  grep -q pyload /var/lib/uim/installed-modules.scm 2>/dev/null || $sudo uim-module-manager --register pyload
}
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"

# The bake's GLB content is checked by the Khronos glTF Validator (npm), kept in .tools/node.
# Node.js and npm come with the machine where it has them (NodeSource); Debian's otherwise.
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)
install_gltf_validator() {
  [ -d .tools/node/node_modules/gltf-validator ] && return
  mkdir -p .tools/node
  npm install --prefix .tools/node --no-audit --no-fund --silent gltf-validator@2.0.0-dev.3.10
}
cd "$(dirname "$0")/.."

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  register_pinyin
  install_gltf_validator
  exit 0
fi

echo "installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
register_pinyin
install_gltf_validator
