#!/usr/bin/env bash
# Builds Twinlab's offline Debian 12 system-container image from Debian's archive: a minbase
# bookworm with systemd-sysv (systemd as PID 1) and dbus, in the split format LXD/Incus import and that
# images.linuxcontainers.org publishes: lxd.tar.xz (metadata.yaml + templates) and root.squashfs.
#   $fixtures/debian-systemd/{lxd.tar.xz,root.squashfs,recipe}
# Needs no LXD: setup-lxd.sh imports these files as twinlab-fixture/debian-systemd, and
# build-mirror.sh publishes them as the HTTP mirror's stand-in for the linuxcontainers image server.
# Cached: rebuilt only when the recipe below changes (the machine persists between runs).
set -euo pipefail

fixtures=${TWINLAB_FIXTURES_DIR:-/var/lib/twinlab/fixtures}
out=$fixtures/debian-systemd
debian_archive=${TWINLAB_DEBIAN_ARCHIVE:-http://deb.debian.org/debian}
log() { printf '[system-images] %s\n' "$*"; }
die() { printf '[system-images] error: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || die "run as root: mmdebstrap's directory mode keeps file owners only as root."
for tool in mmdebstrap mksquashfs xz; do
  command -v "$tool" >/dev/null || die "$tool is missing: run scripts/setup-lab-host.sh (it installs mmdebstrap and squashfs-tools)."
done

# Documentation, man pages and locales left out like Debian's slim images: ~40% smaller, same system.
excludes=(
  --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-include=/usr/share/doc/*/copyright'
  --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/info/*'
  --dpkgopt='path-exclude=/usr/share/locale/*' --dpkgopt='path-include=/usr/share/locale/locale.alias'
)
packages=systemd-sysv,dbus  # dbus: logind, hostnamectl and `systemctl --wait` need the system bus
squashfs=(-comp zstd)
recipe=$(printf '%s ' v1 minbase bookworm "$packages" "${excludes[@]}" "${squashfs[@]}" | sha256sum | cut -c1-16)

if [ "$(cat "$out/recipe" 2>/dev/null)" = "$recipe" ] && [ -s "$out/root.squashfs" ] && [ -s "$out/lxd.tar.xz" ]; then
  log "debian-systemd current in $out"
  exit 0
fi

started=$(date +%s)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
mmdebstrap --quiet --variant=minbase --include="$packages" "${excludes[@]}" \
  bookworm "$work/rootfs" "$debian_archive" \
  || die "mmdebstrap could not build the Debian rootfs from $debian_archive (see its messages above)."
# LXD writes the hostname through the template below; the machine id is made fresh at first boot.
: > "$work/rootfs/etc/machine-id"
rm -f "$work/rootfs/var/lib/dbus/machine-id"
# No network device in Twinlab's LXD profile: nothing to wait for at boot.
ln -sf /dev/null "$work/rootfs/etc/systemd/system/systemd-networkd-wait-online.service"

packed=$(date +%s)
mkdir -p "$work/meta/templates"
cat > "$work/meta/metadata.yaml" <<META
architecture: $(uname -m)
creation_date: $(date +%s)
properties:
  description: Debian 12 (bookworm) with systemd (Twinlab offline fixture, built from Debian's archive)
  os: debian
  release: bookworm
  variant: systemd
templates:
  /etc/hostname:
    when: [create, copy]
    template: hostname.tpl
META
printf '{{ container.name }}\n' > "$work/meta/templates/hostname.tpl"
tar -C "$work/meta" -cf - metadata.yaml templates | xz -T0 -6 > "$work/lxd.tar.xz"
# zstd: several times faster to pack and unpack than xz on a busy 2-core machine, for a few MB more.
# No xattrs: the rootfs has only systemd-tmpfiles' POSIX ACLs, which mksquashfs cannot store anyway.
mksquashfs "$work/rootfs" "$work/root.squashfs" -noappend "${squashfs[@]}" -no-xattrs -quiet -no-progress >/dev/null

mkdir -p "$out"
mv "$work/lxd.tar.xz" "$work/root.squashfs" "$out/"
printf '%s' "$recipe" > "$out/recipe"
log "debian-systemd built in $(( $(date +%s) - started )) s (mmdebstrap $(( packed - started )) s): root.squashfs $(du -h "$out/root.squashfs" | cut -f1)"
