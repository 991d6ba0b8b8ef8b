#!/usr/bin/env bash
# Builds Twinlab's offline fixtures from Debian packages only (no registry, no image site):
#   - a BusyBox container image, imported with `docker import` from a 2 MB rootfs
#   - a direct-kernel microVM: Debian's cloud kernel + a BusyBox initramfs whose /init prints
#     a ready marker and runs a shell on the serial console
#   - templates for them (fixture-busybox, fixture-microvm, fixture-twin) in $dir/templates
# Output: ${TWINLAB_FIXTURES_DIR:-/var/lib/twinlab/fixtures}. Idempotent: skips what is current.
set -euo pipefail

dir=${TWINLAB_FIXTURES_DIR:-/var/lib/twinlab/fixtures}
image=twinlab-fixture/busybox:1
marker=TWINLAB-READY
log() { printf '[fixtures] %s\n' "$*"; }
die() { printf '[fixtures] error: %s\n' "$*" >&2; exit 1; }

mkdir -p "$dir"/{debs,busybox,microvm,templates}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

fetch_deb() { # fetch_deb PACKAGE -> path of its .deb in $dir/debs (downloaded once)
  local deb
  deb=$(ls "$dir"/debs/"$1"_*.deb 2>/dev/null | head -n1 || true)
  if [ -z "$deb" ]; then
    download() { (cd "$dir/debs" && apt-get -o APT::Sandbox::User=root download "$1" >/dev/null 2>&1); }
    # Package lists may be missing or stale on a machine that already had every package.
    download "$1" || { apt-get update -qq && download "$1"; } || die "apt-get download $1 failed"
    deb=$(ls "$dir"/debs/"$1"_*.deb | head -n1)
  fi
  printf '%s' "$deb"
}

busybox_rootfs() { # busybox_rootfs DIR: a minimal root filesystem with BusyBox applets
  local root=$1
  dpkg-deb -x "$(fetch_deb busybox-static)" "$work/bb"
  mkdir -p "$root"/{bin,sbin,etc,proc,sys,dev,tmp,root,usr/bin,usr/sbin}
  cp "$work/bb/bin/busybox" "$root/bin/busybox"
  for applet in $("$root/bin/busybox" --list); do
    [ -e "$root/bin/$applet" ] || ln -s busybox "$root/bin/$applet"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\n' > "$root/etc/passwd"
  printf 'root:x:0:\n' > "$root/etc/group"
  chmod 1777 "$root/tmp"
}

# --- container image -------------------------------------------------------------------------
if docker image inspect "$image" >/dev/null 2>&1; then
  log "image $image present"
else
  busybox_rootfs "$work/ctr"
  tar -C "$work/ctr" -c . > "$dir/busybox/rootfs.tar"
  docker import -c 'CMD ["/bin/sh"]' -c 'LABEL io.twinlab.fixture=busybox' \
    "$dir/busybox/rootfs.tar" "$image" >/dev/null
  log "imported $image ($(du -h "$dir/busybox/rootfs.tar" | cut -f1) rootfs)"
fi

# --- microVM: kernel + initramfs ---------------------------------------------------------------
# Bump when /init or the modules change, so existing fixtures are rebuilt.
initrd_rev=3
# Drivers for the VM's devices that the cloud kernel builds as modules: virtio (PCI, disk, network)
# and the emulated IDE disk (ata_piix, sd_mod) of lesson 14-virtio.
initrd_modules="virtio_pci virtio_blk virtio_net ata_piix sd_mod"
copy_modules() { # copy_modules KERNEL_TREE ROOT: $initrd_modules and what they depend on, with a modules.dep
  local tree=$1 root=$2 kver module dep
  kver=$(ls "$tree/lib/modules")
  "$work/bb/bin/busybox" depmod -b "$tree" "$kver"
  for module in $initrd_modules; do
    dep=$(grep -E "/$module\.ko:" "$tree/lib/modules/$kver/modules.dep") || die "the kernel has no module $module"
    for file in ${dep/:/}; do
      mkdir -p "$root/lib/modules/$kver/$(dirname "$file")"
      cp "$tree/lib/modules/$kver/$file" "$root/lib/modules/$kver/$file"
    done
  done
  "$work/bb/bin/busybox" depmod -b "$root" "$kver"
}
if [ -s "$dir/microvm/vmlinuz" ] && [ -s "$dir/microvm/initrd.img" ] &&
   [ "$(cat "$dir/microvm/initrd.rev" 2>/dev/null)" = "$initrd_rev" ]; then
  log "microVM kernel and initramfs present"
else
  # linux-image-cloud-amd64 is a metapackage; its first dependency is the versioned kernel package
  kernel_package() { apt-cache depends linux-image-cloud-amd64 2>/dev/null | awk '/Depends: linux-image-[0-9]/{print $2; exit}'; }
  kpkg=$(kernel_package)
  [ -n "$kpkg" ] || { apt-get update -qq && kpkg=$(kernel_package); }
  [ -n "$kpkg" ] || die "cannot resolve linux-image-cloud-amd64 from the package lists"
  dpkg-deb -x "$(fetch_deb "$kpkg")" "$work/kernel"
  # Written aside and renamed: a VM starting meanwhile reads either the old file or the new one.
  cp "$work"/kernel/boot/vmlinuz-* "$dir/microvm/vmlinuz.new" && mv "$dir/microvm/vmlinuz.new" "$dir/microvm/vmlinuz"

  busybox_rootfs "$work/initrd"
  copy_modules "$work/kernel" "$work/initrd"
  cat > "$work/initrd/init" <<INIT
#!/bin/sh
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
modprobe -a $initrd_modules
hostname twinlab-microvm
# Twinlab's probe channel: a root shell on the second serial port (serial1 in the domain XML), which
# the learner's console never shows; the host sends it one framed command at a time. No controlling
# tty (Ctrl+C there means nothing), no echo. Started before the marker, so it is there with the prompt.
(while true; do setsid sh -c 'stty 115200 -echo; exec sh' </dev/ttyS1 >/dev/ttyS1 2>&1; sleep 1; done) &
echo "$marker"
# PID 1 must never exit (the kernel would panic): give the console a new shell whenever one ends
while true; do setsid cttyhack sh; done
INIT
  chmod +x "$work/initrd/init"
  (cd "$work/initrd" && find . | cpio -o -H newc --quiet | gzip -9) > "$dir/microvm/initrd.img.new"
  mv "$dir/microvm/initrd.img.new" "$dir/microvm/initrd.img"
  echo "$initrd_rev" > "$dir/microvm/initrd.rev"
  log "microVM: $(basename "$kpkg") + $(du -h "$dir/microvm/initrd.img" | cut -f1) initramfs"
fi

# --- templates ---------------------------------------------------------------------------------
container_side="container:
  image: $image
  shell: /bin/sh
  memoryMiB: 64"
vm_side="vm:
  vcpus: 1
  memoryMiB: 256
  boot:
    kernel: ../microvm/vmlinuz
    initrd: ../microvm/initrd.img
    cmdline: console=ttyS0 panic=-1 quiet
  readyPattern: $marker
  # Lesson 14-virtio: the same blank disk on virtio and on emulated IDE, and an emulated e1000 NIC
  # (the cloud kernel has no e1000 driver: the guest sees the device and cannot use it).
  scratchDisks:
    - { bus: virtio, sizeMiB: 32 }
    - { bus: ide, sizeMiB: 32 }
  nicModels: [virtio, e1000]"

write_template() { # write_template ID NAME DESCRIPTION SIDES...
  local id=$1 name=$2 description=$3; shift 3
  { printf 'id: %s\nname: %s\ndescription: %s\ntags: [fixture, offline]\n' "$id" "$name" "$description"
    printf '%s\n' "$@"; } > "$dir/templates/$id.yaml"
}
write_template fixture-busybox "BusyBox container (offline fixture)" \
  "A 2 MB BusyBox image imported from Debian's busybox-static." "$container_side"
write_template fixture-microvm "BusyBox microVM (offline fixture)" \
  "Debian's cloud kernel booted directly with a BusyBox initramfs; a shell on the serial console." "$vm_side"
write_template fixture-twin "BusyBox twin (offline fixture)" \
  "The same BusyBox userland as a container and as a direct-kernel microVM." "$container_side" "$vm_side"
log "templates in $dir/templates"
