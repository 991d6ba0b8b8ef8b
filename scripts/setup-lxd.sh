#!/usr/bin/env bash
# Starts LXD, initialises it non-interactively and imports Twinlab's offline system-container image:
#   - storage pool "default" (dir) and the default profile's root disk on it; no network, because
#     `lxd init --auto` fails on hosts where it cannot find a free subnet for lxdbr0
#   - image alias twinlab-fixture/busybox-system: BusyBox with busybox init and an /etc/inittab
#   - image alias twinlab-fixture/debian-systemd: Debian 12 with systemd as PID 1 (build-system-images.sh)
#   - the template fixture-ladder (BusyBox as app container, system container and microVM) beside
#     build-fixtures.sh's templates, written only here so it exists only where LXD does
# Idempotent. Called by setup-lab-host.sh after build-fixtures.sh; skips (exit 0) without lxd.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
dir=${TWINLAB_FIXTURES_DIR:-/var/lib/twinlab/fixtures}
alias=twinlab-fixture/busybox-system
log() { printf '[lxd] %s\n' "$*"; }
die() { printf '[lxd] error: %s\n' "$*" >&2; exit 1; }

command -v lxd >/dev/null || { log "lxd is not installed; system containers are left out"; exit 0; }
"$here/lab-daemons.sh" start lxd

if lxc storage show default >/dev/null 2>&1; then log "storage pool default present"
else lxc storage create default dir >/dev/null; log "storage pool default (dir) created"; fi
if lxc profile device get default root pool >/dev/null 2>&1; then log "default profile has a root disk"
else lxc profile device add default root disk path=/ pool=default >/dev/null; log "default profile: root disk on default"; fi

if lxc image info "$alias" >/dev/null 2>&1; then
  log "image $alias present"
else
  [ -s "$dir/busybox/rootfs.tar" ] || die "$dir/busybox/rootfs.tar is missing: run scripts/build-fixtures.sh first"
  work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
  mkdir -p "$work/rootfs"
  tar -C "$work/rootfs" -xf "$dir/busybox/rootfs.tar"
  # A system container boots an init: BusyBox's, which reads /etc/inittab. LXD mounts /proc and
  # /sys and sets the hostname itself; init only has to stay PID 1 and shut down cleanly.
  ln -sf ../bin/busybox "$work/rootfs/sbin/init"
  cat > "$work/rootfs/etc/inittab" <<'INITTAB'
::sysinit:/bin/echo TWINLAB-SYSTEM-READY
::shutdown:/bin/umount -a -r
INITTAB
  cat > "$work/metadata.yaml" <<META
architecture: $(uname -m)
creation_date: $(date +%s)
properties:
  description: BusyBox system container (Twinlab offline fixture)
  os: busybox
  release: fixture
META
  tar -C "$work" -cf "$work/meta.tar" metadata.yaml
  tar -C "$work/rootfs" -cf "$work/rootfs.tar" .
  lxc image import "$work/meta.tar" "$work/rootfs.tar" --alias "$alias" >/dev/null
  log "imported $alias"
fi

# Debian 12 with systemd as PID 1 (build-system-images.sh: mmdebstrap, cached), re-imported only
# when its files changed: LXD's fingerprint is the SHA-256 of the metadata and rootfs together.
debian_alias=twinlab-fixture/debian-systemd
"$here/build-system-images.sh"
debian=$dir/debian-systemd
wanted=$(cat "$debian/lxd.tar.xz" "$debian/root.squashfs" | sha256sum | cut -d' ' -f1)
current=$(lxc query "/1.0/images/aliases/$debian_alias" 2>/dev/null | sed -n 's/.*"target": "\([0-9a-f]*\)".*/\1/p')
if [ "$current" = "$wanted" ]; then
  log "image $debian_alias present"
else
  [ -z "$current" ] || lxc image delete "$current" >/dev/null
  lxc image import "$debian/lxd.tar.xz" "$debian/root.squashfs" --alias "$debian_alias" >/dev/null
  log "imported $debian_alias (${wanted:0:12})"
fi

mkdir -p "$dir/templates"
cat > "$dir/templates/fixture-ladder.yaml" <<YAML
id: fixture-ladder
name: BusyBox ladder (offline fixture)
description: The same BusyBox userland as an app container, a system container with its own init, and a direct-kernel microVM.
tags: [fixture, offline]
container:
  image: twinlab-fixture/busybox:1
  shell: /bin/sh
  memoryMiB: 64
system:
  image: $alias
  shell: /bin/sh
  memoryMiB: 64
vm:
  vcpus: 1
  memoryMiB: 256
  boot:
    kernel: ../microvm/vmlinuz
    initrd: ../microvm/initrd.img
    cmdline: console=ttyS0 panic=-1 quiet
  readyPattern: TWINLAB-READY
YAML
log "template fixture-ladder in $dir/templates"
