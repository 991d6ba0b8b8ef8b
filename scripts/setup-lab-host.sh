#!/usr/bin/env bash
# Prepares a Debian/Ubuntu host for Twinlab and its tests: installs the engines, starts them when
# they are not running, registers gVisor with Docker, installs Chromium and builds offline fixtures.
# Idempotent: every step checks before it acts. Run as root.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
log() { printf '[setup] %s\n' "$*"; }
die() { printf '[setup] error: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || die "run as root (sudo $0): it installs packages and starts daemons."
command -v apt-get >/dev/null || die "this script needs apt-get (Debian or Ubuntu); see README.md for other distributions."

packages=(
  docker.io runsc                                             # container engine + gVisor sandbox runtime
  qemu-system-x86 qemu-utils libvirt-daemon-system libvirt-clients libvirt-dev  # VM engine (+ headers for @unraid/libvirt)
  xorriso                                                     # cloud-init NoCloud seed ISOs
  lxd lxd-client                                              # system containers (LXD 5.0 in Debian 12)
  busybox-static cpio                                         # offline fixtures
  docker-registry mmdebstrap curl                             # registry mirror, debian:bookworm-slim stand-in, HTTP mirror (build-mirror.sh)
  mmdebstrap e2fsprogs fdisk grub-common                      # Debian 12 cloud-image stand-in (build-cloud-image.sh)
  mmdebstrap squashfs-tools xz-utils                          # Debian 12 systemd system-container image (build-system-images.sh)
  chromium fonts-noto-cjk                                     # end-to-end tests; CJK glyphs for zh-CN/ko screens
  procps iproute2 ca-certificates
  acl                                                         # setfacl: QEMU's way into a user's private home
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  log "packages already installed"
fi

"$here/register-runsc.sh"
"$here/lab-daemons.sh" start docker
"$here/lab-daemons.sh" start libvirt
"$here/build-fixtures.sh"
"$here/build-mirror.sh"
"$here/build-cloud-image.sh"
"$here/setup-lxd.sh"
"$here/setup-ci-user.sh"
log "host ready"
