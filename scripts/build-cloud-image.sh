#!/usr/bin/env bash
# Builds a STAND-IN for Debian's official cloud image debian-12-genericcloud-amd64.qcow2 from Debian
# packages only (no image site is reachable here), and publishes it with a SHA512SUMS beside it at the
# official path inside the local HTTP mirror:
#   $mirror/cloud.debian.org/images/cloud/bookworm/latest/{debian-12-genericcloud-amd64.qcow2,SHA512SUMS}
# It boots the way the official image boots: BIOS → GRUB (in the MBR gap) → Debian's cloud kernel +
# initramfs → systemd → cloud-init (NoCloud seed) → serial getty on ttyS0 printing `login:`.
#
# How it differs from the real image (built by Debian's FAI-based debian-cloud-images):
#   - packages: minbase plus the boot/cloud essentials below, not Debian's full "important" set and
#     cloud tasks; no openssh-server (the lessons log in on the serial console);
#   - disk: one MBR partition holding ext4 and GRUB for BIOS only; the real one is GPT with a BIOS boot
#     partition and an EFI system partition (it also boots UEFI);
#   - grub.cfg is written here (grub-mkconfig cannot probe a disk from a chroot); the same kernel
#     command line is also in /etc/default/grub.d, so an update-grub inside the guest keeps it;
#   - content, size and checksum are this build's, never Debian's.
#
# Idempotent: the built image is cached in $fixtures/cloud-image with the hash of this script; a
# later run with the same script only re-publishes it when the mirror's copy is missing or differs.
# Needs root (mmdebstrap's root mode), mmdebstrap, e2fsprogs, fdisk (sfdisk), grub-common
# (grub-mkimage), qemu-utils. No loop devices and no mounts: the filesystem is written straight into
# the partition's byte range of the disk file (mke2fs -d -E offset=…).
set -euo pipefail

fixtures=${TWINLAB_FIXTURES_DIR:-/var/lib/twinlab/fixtures}
mirror=${TWINLAB_MIRROR_DIR:-/var/lib/twinlab/mirror}
debian=${TWINLAB_DEBIAN_ARCHIVE:-http://deb.debian.org}
image_name=debian-12-genericcloud-amd64.qcow2
published=$mirror/cloud.debian.org/images/cloud/bookworm/latest
cache=$fixtures/cloud-image
disk_mib=2048    # the official image's virtual size (cloud-init grows the partition to the VM's disk)
part_start=2048  # sectors: 1 MiB, leaves the MBR gap for GRUB's core.img
log() { printf '[cloud-image] %s\n' "$*"; }
die() { printf '[cloud-image] error: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || die "run as root: mmdebstrap's root mode installs packages into a chroot."
for tool in mmdebstrap mke2fs sfdisk grub-mkimage qemu-img sha512sum; do
  command -v "$tool" >/dev/null || die "$tool is missing: run scripts/setup-lab-host.sh (it installs the build's packages)."
done

recipe=$(sha256sum "$0" | cut -d' ' -f1)
publish() {
  mkdir -p "$published"
  if ! cmp -s "$cache/$image_name" "$published/$image_name"; then
    cp "$cache/$image_name" "$published/$image_name.partial"
    mv "$published/$image_name.partial" "$published/$image_name"
  fi
  (cd "$cache" && sha512sum "$image_name") > "$published/SHA512SUMS.partial"
  mv "$published/SHA512SUMS.partial" "$published/SHA512SUMS"
  chmod 0644 "$published/$image_name" "$published/SHA512SUMS"
  log "published $published/$image_name ($(du -h "$published/$image_name" | cut -f1)) with SHA512SUMS"
}

if [ -s "$cache/$image_name" ] && [ "$(cat "$cache/recipe" 2>/dev/null)" = "$recipe" ]; then
  log "stand-in image current ($cache/$image_name)"
  publish
  exit 0
fi

started=$(date +%s)
mkdir -p "$cache"
work=$(mktemp -d /var/tmp/twinlab-cloud-image.XXXXXX)
# A failure half way leaves nothing: no work folder (--one-file-system: never follow a mount
# mmdebstrap may have left in the chroot) and no half-written image.
trap 'rm -rf --one-file-system "$work"; rm -f "$cache/$image_name.partial"' EXIT
root=$work/root

# --- root filesystem ------------------------------------------------------------------------
packages=(
  linux-image-cloud-amd64 initramfs-tools   # Debian's cloud kernel (virtio drivers), initramfs finds root by UUID
  systemd-sysv udev dbus                    # systemd as PID 1; hostnamectl (cloud-init) needs dbus
  grub-pc                                   # BIOS GRUB, as in the official image
  cloud-init cloud-guest-utils              # NoCloud seed → users, password, hostname; growpart for a larger disk
  netplan.io systemd-resolved iproute2      # cloud-init renders netplan; systemd-networkd brings DHCP up
  e2fsprogs sudo
)
# fstab goes in before the kernel: its initramfs hook takes the root filesystem type (for fsck) from it.
uuid=$(cat /proc/sys/kernel/random/uuid)
fstab_line="UUID=$uuid / ext4 rw,discard,errors=remount-ro,x-systemd.growfs 0 1"
log "mmdebstrap bookworm (${#packages[@]} packages beyond minbase; takes a few minutes)"
mmdebstrap --quiet --variant=minbase --include="$(IFS=,; echo "${packages[*]}")" \
  --aptopt='Acquire::Retries "3"' \
  --essential-hook="printf '%s\\n' '$fstab_line' > \"\$1/etc/fstab\"" \
  --customize-hook='chroot "$1" passwd --quiet --lock root' \
  bookworm "$root" \
  "deb $debian/debian bookworm main" \
  "deb $debian/debian bookworm-updates main" \
  "deb $debian/debian-security bookworm-security main"

kernel=$(cd "$root/boot" && ls vmlinuz-* | sort -V | tail -n1)
initrd=initrd.img-${kernel#vmlinuz-}
[ -s "$root/boot/$initrd" ] || die "the kernel's initramfs was not generated in the chroot ($root/boot/$initrd)."
cmdline='console=tty0 console=ttyS0,115200 earlyprintk=ttyS0,115200 consoleblank=0'

printf 'localhost\n' > "$root/etc/hostname"
: > "$root/etc/machine-id"            # each VM makes its own on first boot
rm -f "$root/var/lib/dbus/machine-id"
mkdir -p "$root/etc/default/grub.d"
cat > "$root/etc/default/grub.d/10_cloud.cfg" <<CFG
GRUB_CMDLINE_LINUX_DEFAULT="$cmdline"
GRUB_TERMINAL="console serial"
GRUB_SERIAL_COMMAND="serial --unit=0 --speed=115200"
GRUB_TIMEOUT=0
CFG
mkdir -p "$root/boot/grub/i386-pc"
cp "$root"/usr/lib/grub/i386-pc/*.mod "$root"/usr/lib/grub/i386-pc/*.lst "$root/boot/grub/i386-pc/"
cat > "$root/boot/grub/grub.cfg" <<CFG
# Written by Twinlab's scripts/build-cloud-image.sh (grub-mkconfig cannot run in the build chroot).
serial --unit=0 --speed=115200
terminal_input serial console
terminal_output serial console
set default=0
set timeout=0
insmod part_msdos
insmod ext2
search --no-floppy --fs-uuid --set=root $uuid
menuentry 'Debian GNU/Linux 12 (bookworm)' {
  linux /boot/$kernel root=UUID=$uuid ro $cmdline
  initrd /boot/$initrd
}
CFG

# --- disk: MBR, one bootable ext4 partition, GRUB in the gap before it --------------------------
raw=$work/disk.raw
truncate -s "${disk_mib}M" "$raw"
printf 'label: dos\nstart=%s, type=83, bootable\n' "$part_start" | sfdisk --quiet "$raw"
part_sectors=$(( disk_mib * 2048 - part_start ))
mke2fs -q -t ext4 -L root -U "$uuid" -d "$root" -E "offset=$(( part_start * 512 ))" \
  "$raw" "$(( part_sectors / 2 ))k"
grub-mkimage -O i386-pc -d "$root/usr/lib/grub/i386-pc" -o "$work/core.img" \
  -p '(hd0,msdos1)/boot/grub' biosdisk part_msdos ext2
core_sectors=$(( ($(stat -c %s "$work/core.img") + 511) / 512 ))
[ "$core_sectors" -lt "$part_start" ] || die "GRUB's core.img ($core_sectors sectors) does not fit before the partition."
# boot.img's code only (440 bytes): the partition table after it stays. It loads sector 1, where
# core.img's first sector (diskboot) reads the rest from sector 2 on, as grub-bios-setup would set up.
dd if="$root/usr/lib/grub/i386-pc/boot.img" of="$raw" bs=440 count=1 conv=notrunc status=none
dd if="$work/core.img" of="$raw" bs=512 seek=1 conv=notrunc status=none

qemu-img convert -c -f raw -O qcow2 "$raw" "$cache/$image_name.partial"
mv "$cache/$image_name.partial" "$cache/$image_name"
printf '%s\n' "$recipe" > "$cache/recipe"
log "built $image_name with $kernel in $(( $(date +%s) - started )) s"
publish
