#!/usr/bin/env bash
# Installs the Debian packages Jiangbei Twin needs, only those missing. Safe to run again.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libopenscenegraph-dev libgdal-dev gdal-bin libproj-dev proj-bin
  libimgui-dev nlohmann-json3-dev libcli11-dev libgtest-dev
  libmosquitto-dev mosquitto mosquitto-clients libcpp-httplib-dev curl python3
  libspdlog-dev libfontconfig-dev ffmpeg
  xvfb xauth libgl1-mesa-dri fonts-wqy-microhei fontconfig
  xclip xdotool x11-utils time
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "installing: ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
