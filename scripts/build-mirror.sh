#!/usr/bin/env bash
# Builds and starts the lab machine's local mirrors, from Debian packages only, so the built-in
# templates' real names (Docker Hub images, cloud-image URLs) resolve without the internet:
#   - a registry (Debian's docker-registry, distribution 2.8) on 127.0.0.1:5000 holding
#     library/debian:bookworm-slim and library/busybox:latest (and :1.36), used by dockerd as its registry
#     mirror ("registry-mirrors" in /etc/docker/daemon.json), so `docker pull debian:bookworm-slim`
#     really pulls, layer by layer, through it;
#   - an HTTP mirror (BusyBox httpd) on 127.0.0.1:8787 serving $mirror, where an upstream URL
#     https://HOST/PATH lives at http://127.0.0.1:8787/HOST/PATH, with the cloud kernel that
#     same-userland twins boot and the SHA256SUMS listing it, and images.linuxcontainers.org's
#     simplestreams for debian/12 (publish-simplestreams.sh: Debian 12 with systemd);
#   - /etc/xdg/twinlab/mirrors.yaml naming both, so a plain `npm run serve` uses them.
#
# Every artifact here is a STAND-IN built on this machine, never the publisher's bytes:
#   - debian:bookworm-slim: `mmdebstrap --variant=minbase bookworm` with the dpkg path excludes the
#     official slim image uses (docs, man pages, locales); the official one is built by
#     debuerreotype from a snapshot.debian.org timestamp, so its packages, digests and size differ;
#   - busybox:latest: Debian's busybox-static in an otherwise empty rootfs (like the fixture); the
#     official image is built from upstream BusyBox with its own /etc files;
#   - ubuntu-24.04-server-cloudimg-amd64-vmlinuz-generic: Debian's cloud kernel (from build-fixtures.sh)
#     at Ubuntu's path, listed in a SHA256SUMS the way Ubuntu lists it; Ubuntu's is its own
#     linux-generic build, and its SHA256SUMS lists every file of the release.
# Idempotent and fast when current: images are rebuilt only when their recipe changes.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
fixtures=${TWINLAB_FIXTURES_DIR:-/var/lib/twinlab/fixtures}
mirror=${TWINLAB_MIRROR_DIR:-/var/lib/twinlab/mirror}
registry_dir=/var/lib/twinlab/registry
registry=127.0.0.1:5000
http_port=8787
settings=/etc/xdg/twinlab/mirrors.yaml
debian_archive=${TWINLAB_DEBIAN_ARCHIVE:-http://deb.debian.org/debian}
log() { printf '[mirror] %s\n' "$*"; }
die() { printf '[mirror] error: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || die "run as root: it starts daemons and writes /etc/docker/daemon.json."
for tool in docker docker-registry mmdebstrap busybox curl node; do
  command -v "$tool" >/dev/null || die "$tool is missing: run scripts/setup-lab-host.sh (it installs the mirror's packages)."
done
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

# --- registry ----------------------------------------------------------------------------------
# Not Debian's /etc/docker/registry/config.yml: that one asks for htpasswd logins and listens on
# every address. This one is anonymous and loopback-only.
mkdir -p "$registry_dir/data"
cat > "$work/registry.yml" <<EOF
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $registry_dir/data
  delete:
    enabled: true
http:
  addr: $registry
EOF
cmp -s "$work/registry.yml" "$registry_dir/config.yml" || cp "$work/registry.yml" "$registry_dir/config.yml"
chown -R docker-registry: "$registry_dir/data"
"$here/lab-daemons.sh" start registry

# --- registry images ---------------------------------------------------------------------------
slim_excludes=(
  --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-include=/usr/share/doc/*/copyright'
  --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/info/*'
  --dpkgopt='path-exclude=/usr/share/groff/*' --dpkgopt='path-exclude=/usr/share/lintian/*'
  --dpkgopt='path-exclude=/usr/share/locale/*' --dpkgopt='path-include=/usr/share/locale/locale.alias'
)

in_registry() { # in_registry REPO TAG RECIPE: the tag is there and was pushed from this recipe
  curl -fsS -o /dev/null -H 'Accept: application/vnd.docker.distribution.manifest.v2+json' \
    "http://$registry/v2/$1/manifests/$2" 2>/dev/null &&
    [ "$(cat "$registry_dir/recipes/${1//\//_}_$2" 2>/dev/null)" = "$3" ]
}

push_rootfs() { # push_rootfs ROOTFS_TAR REPO TAG CMD RECIPE: import, push, then drop the local copy
  local name=$registry/$2:$3
  docker import -c "CMD $4" "$1" "$name" >/dev/null
  docker push "$name" >/dev/null
  # Untag, so the pull below downloads through the mirror instead of finding the layers here.
  docker rmi "$name" >/dev/null
  mkdir -p "$registry_dir/recipes" && printf '%s' "$5" > "$registry_dir/recipes/${2//\//_}_$3"
  log "pushed $2:$3 ($(du -h "$1" | cut -f1) rootfs) to $registry"
}

debian_recipe=$(printf '%s ' minbase bookworm "${slim_excludes[@]}" '["bash"]' | sha256sum | cut -c1-16)
if in_registry library/debian bookworm-slim "$debian_recipe"; then
  log "library/debian:bookworm-slim current in $registry"
else
  started=$(date +%s)
  mmdebstrap --quiet --variant=minbase "${slim_excludes[@]}" bookworm "$work/debian.tar" "$debian_archive" \
    || die "mmdebstrap could not build the Debian rootfs from $debian_archive (see its messages above)."
  push_rootfs "$work/debian.tar" library/debian bookworm-slim '["bash"]' "$debian_recipe"
  log "debian:bookworm-slim stand-in built in $(( $(date +%s) - started )) s"
fi

busybox_recipe=$(printf '%s ' busybox-static "$(dpkg-query -W -f='${Version}' busybox-static)" '["sh"]' | sha256sum | cut -c1-16)
# Under both tags the built-in templates name: busybox:latest and busybox:1.36 (BusyBox twin).
for tag in latest 1.36; do
  if in_registry library/busybox "$tag" "$busybox_recipe"; then
    log "library/busybox:$tag current in $registry"
    continue
  fi
  if [ ! -s "$work/busybox.tar" ]; then
    root=$work/busybox
    mkdir -p "$root"/{bin,etc,proc,sys,dev,tmp,root}
    cp /bin/busybox "$root/bin/busybox"
    for applet in $("$root/bin/busybox" --list); do [ -e "$root/bin/$applet" ] || ln -s busybox "$root/bin/$applet"; done
    printf 'root:x:0:0:root:/root:/bin/sh\n' > "$root/etc/passwd"
    printf 'root:x:0:\n' > "$root/etc/group"
    chmod 1777 "$root/tmp"
    tar -C "$root" -cf "$work/busybox.tar" .
  fi
  push_rootfs "$work/busybox.tar" library/busybox "$tag" '["sh"]' "$busybox_recipe"
done

# --- dockerd uses the registry as its mirror ----------------------------------------------------
mkdir -p /etc/docker
changed=$(MIRROR="http://$registry" node --input-type=module -e '
  import { readFileSync, writeFileSync, existsSync } from "node:fs";
  const file = "/etc/docker/daemon.json";
  const config = existsSync(file) ? JSON.parse(readFileSync(file, "utf8") || "{}") : {};
  const mirrors = config["registry-mirrors"] ?? [];
  if (mirrors.includes(process.env.MIRROR)) console.log("no");
  else {
    config["registry-mirrors"] = [process.env.MIRROR, ...mirrors];
    writeFileSync(file, JSON.stringify(config, null, 2) + "\n");
    console.log("yes");
  }
')
if [ "$changed" = yes ]; then
  # registry-mirrors is live-reloadable: SIGHUP applies it without stopping anyone's containers.
  if [ -d /run/systemd/system ]; then systemctl reload docker; else kill -HUP "$(cat /var/run/docker.pid)"; fi
  for _ in $(seq 1 20); do
    docker info --format '{{json .RegistryConfig.Mirrors}}' | grep -q "$registry" && break; sleep 0.25
  done
  log "dockerd uses http://$registry as its registry mirror"
fi
docker info --format '{{json .RegistryConfig.Mirrors}}' | grep -q "$registry" \
  || die "dockerd does not list http://$registry in its registry mirrors; check /etc/docker/daemon.json."

# Leave both images pulled for everyone, pulled through the mirror (which proves it works).
for image in debian:bookworm-slim busybox:latest; do
  started=$(date +%s%N)
  docker pull -q "$image" >/dev/null || die "docker pull $image through http://$registry failed."
  log "docker pull $image through the mirror: $(( ($(date +%s%N) - started) / 1000000 )) ms"
done

# --- HTTP mirror ---------------------------------------------------------------------------------
[ -s "$fixtures/microvm/vmlinuz" ] || die "$fixtures/microvm/vmlinuz is missing: run scripts/build-fixtures.sh first."
release=$mirror/cloud-images.ubuntu.com/releases/noble/release
kernel=unpacked/ubuntu-24.04-server-cloudimg-amd64-vmlinuz-generic
mkdir -p "$release/unpacked"
cmp -s "$fixtures/microvm/vmlinuz" "$release/$kernel" || install -m 0644 "$fixtures/microvm/vmlinuz" "$release/$kernel"
# Ubuntu's format, `HASH *unpacked/NAME`; lines for other files of the release are kept.
{ grep -v " \*$kernel\$" "$release/SHA256SUMS" 2>/dev/null || true
  printf '%s *%s\n' "$(sha256sum "$release/$kernel" | cut -d' ' -f1)" "$kernel"; } > "$work/SHA256SUMS"
cmp -s "$work/SHA256SUMS" "$release/SHA256SUMS" || install -m 0644 "$work/SHA256SUMS" "$release/SHA256SUMS"
# System containers: the linuxcontainers image server's streams for debian/12 (a stand-in, see there).
TWINLAB_MIRROR_DIR=$mirror TWINLAB_FIXTURES_DIR=$fixtures "$here/publish-simplestreams.sh"
TWINLAB_MIRROR_DIR=$mirror TWINLAB_MIRROR_PORT=$http_port "$here/lab-daemons.sh" start mirror
curl -fsS -o /dev/null "http://127.0.0.1:$http_port/cloud-images.ubuntu.com/releases/noble/release/SHA256SUMS" \
  || die "the HTTP mirror does not serve the kernel's SHA256SUMS."
log "HTTP mirror http://127.0.0.1:$http_port serves $mirror"

# --- the system-wide mirror setting ----------------------------------------------------------------
mkdir -p "$(dirname "$settings")"
cat > "$work/mirrors.yaml" <<EOF
# Twinlab's mirrors for every user of this machine (written by scripts/build-mirror.sh).
# A user's own setting (Host page) or TWINLAB_MIRROR overrides this file.
# http: where https://HOST/PATH is fetched as <http>/HOST/PATH (cloud images, checksum files, kernels)
# registry: host:port of a Docker registry mirror holding Docker Hub's library/NAME:TAG images
http: http://127.0.0.1:$http_port
registry: $registry
EOF
cmp -s "$work/mirrors.yaml" "$settings" || { install -m 0644 "$work/mirrors.yaml" "$settings"; log "wrote $settings"; }
log "mirrors ready"
