#!/usr/bin/env bash
# Publishes the Debian 12 systemd system-container image (build-system-images.sh) in the HTTP
# mirror as a STAND-IN for the linuxcontainers image server, at that server's paths:
#   $mirror/images.linuxcontainers.org/streams/v1/{index.json,images.json}
#   $mirror/images.linuxcontainers.org/images/debian/bookworm/<arch>/default/<version>/{lxd.tar.xz,root.squashfs}
# with the real SHA-256 and size of each file and the fingerprint LXD gives the pair, so Twinlab's
# built-in Debian system container (remote: images, image: debian/12) creates offline through the
# mirror setting. Only debian/12 is listed: the Alpine and Ubuntu built-ins have no stand-in here.
# The real image is built by distrobuilder with more packages (networking, cloud-init variants);
# this one is Debian's minbase with systemd-sysv from the same archive, not the publisher's bytes.
# Called by build-mirror.sh; idempotent (the stream is rewritten only when the image changed).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
fixtures=${TWINLAB_FIXTURES_DIR:-/var/lib/twinlab/fixtures}
mirror=${TWINLAB_MIRROR_DIR:-/var/lib/twinlab/mirror}
log() { printf '[simplestreams] %s\n' "$*"; }

"$here/build-system-images.sh"
image=$fixtures/debian-systemd
server=$mirror/images.linuxcontainers.org
arch=$(dpkg --print-architecture)
# linuxcontainers names versions by build time (20261204_07:48); the image's own time keeps it stable.
version=$(date -u -r "$image/root.squashfs" +%Y%m%d_%H:%M)
folder=images/debian/bookworm/$arch/default/$version

if [ -s "$server/$folder/root.squashfs" ] && cmp -s "$image/root.squashfs" "$server/$folder/root.squashfs" \
  && [ -s "$server/streams/v1/images.json" ]; then
  log "debian/12 stand-in current in $server"
  exit 0
fi

rm -rf "$server/images/debian"
mkdir -p "$server/$folder" "$server/streams/v1"
install -m 0644 "$image/root.squashfs" "$server/$folder/"
# Its own metadata (a description that says what it is), so its fingerprint differs from the
# fixture alias's: creating through the mirror really downloads and imports, even where
# setup-lxd.sh already imported twinlab-fixture/debian-systemd from the same root filesystem.
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
tar -C "$work" -xJf "$image/lxd.tar.xz"
sed -i 's|^  description: .*|  description: Debian 12 bookworm (Twinlab stand-in for images.linuxcontainers.org debian/12)|' "$work/metadata.yaml"
tar -C "$work" --sort=name --owner=0 --group=0 --mtime=@0 -cf - metadata.yaml templates | xz -6 > "$server/$folder/lxd.tar.xz"
chmod 0644 "$server/$folder/lxd.tar.xz"
sha() { sha256sum "$1" | cut -d' ' -f1; }
combined=$(cat "$server/$folder/lxd.tar.xz" "$server/$folder/root.squashfs" | sha256sum | cut -d' ' -f1)

ARCH=$arch VERSION=$version FOLDER=$folder COMBINED=$combined \
  META_SHA=$(sha "$server/$folder/lxd.tar.xz") META_SIZE=$(stat -c %s "$server/$folder/lxd.tar.xz") \
  ROOT_SHA=$(sha "$server/$folder/root.squashfs") ROOT_SIZE=$(stat -c %s "$server/$folder/root.squashfs") \
  OUT=$server/streams/v1 node --input-type=module -e '
  import { writeFileSync } from "node:fs";
  const e = process.env;
  const product = `debian:bookworm:${e.ARCH}:default`;
  const images = {
    content_id: "images", datatype: "image-downloads", format: "products:1.0",
    updated: new Date().toUTCString(),
    products: {
      [product]: {
        aliases: "debian/bookworm/default,debian/bookworm,debian/12/default,debian/12",
        arch: e.ARCH, os: "Debian", release: "bookworm", release_title: "bookworm", variant: "default",
        versions: {
          [e.VERSION]: {
            items: {
              "lxd.tar.xz": {
                ftype: "lxd.tar.xz", path: `${e.FOLDER}/lxd.tar.xz`, sha256: e.META_SHA, size: Number(e.META_SIZE),
                combined_squashfs_sha256: e.COMBINED,
              },
              "root.squashfs": {
                ftype: "squashfs", path: `${e.FOLDER}/root.squashfs`, sha256: e.ROOT_SHA, size: Number(e.ROOT_SIZE),
              },
            },
          },
        },
      },
    },
  };
  const index = {
    format: "index:1.0", updated: images.updated,
    index: { images: { datatype: "image-downloads", path: "streams/v1/images.json", format: "products:1.0", products: [product] } },
  };
  writeFileSync(`${e.OUT}/images.json`, JSON.stringify(images, null, 1) + "\n");
  writeFileSync(`${e.OUT}/index.json`, JSON.stringify(index, null, 1) + "\n");
'
log "debian/12 stand-in published in $server (fingerprint ${combined:0:12})"
