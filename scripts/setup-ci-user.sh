#!/usr/bin/env bash
# Makes an ordinary desktop user for the tests: setup-ci-user.sh [USER] [CHECKOUT]
# (defaults: twinlab-ci, this checkout). The user gets a home like adduser's (0700), the docker,
# libvirt and kvm groups, and read access to the checkout plus write access to the folders tests
# write (test-results, vitest's cache). Also lets the libvirt group use qemu:///system when no
# polkit daemon is there to decide. Idempotent. Run as root.
set -euo pipefail

user=${1:-twinlab-ci}
checkout=$(cd "${2:-$(dirname "$0")/..}" && pwd)
log() { printf '[ci-user] %s\n' "$*"; }
die() { printf '[ci-user] error: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || die "run as root (sudo $0): it creates a user and changes libvirtd's socket settings."
command -v setfacl >/dev/null || die "setfacl is missing: apt-get install acl"

# libvirtd authorises its read-write socket through polkit. Desktops run polkitd, whose libvirt rule
# admits the libvirt group; without polkitd every non-root client is refused. Then do what
# libvirtd.conf documents for that case: the socket belongs to the libvirt group, mode 0770, and the
# group is the authorisation (the same trust as the docker group and docker.sock).
libvirt_group_socket() {
  local conf=/etc/libvirt/libvirtd.conf changed=0 key value
  if pgrep -x polkitd >/dev/null; then log "polkitd runs: libvirt group access is its rule's job"; return; fi
  for setting in 'unix_sock_group="libvirt"' 'unix_sock_rw_perms="0770"' 'auth_unix_rw="none"'; do
    key=${setting%%=*} value=${setting#*=}
    grep -qx "$key = $value" "$conf" && continue
    sed -i "/^#\?\s*$key\s*=/d" "$conf" && printf '%s = %s\n' "$key" "$value" >>"$conf"
    changed=1
  done
  [ "$changed" -eq 1 ] || { log "libvirtd socket already open to the libvirt group"; return; }
  # The socket is made at start: restart (running guests keep running; libvirtd reattaches to them).
  log "libvirtd socket set to the libvirt group; restarting libvirtd"
  "$(dirname "$0")/lab-daemons.sh" stop libvirt && "$(dirname "$0")/lab-daemons.sh" start libvirt
}

ensure_user() {
  local groups=() group
  for group in docker libvirt kvm; do getent group "$group" >/dev/null && groups+=("$group"); done
  [ ${#groups[@]} -eq 3 ] || die "groups docker, libvirt and kvm must exist (run scripts/setup-lab-host.sh first)"
  if ! id "$user" >/dev/null 2>&1; then
    useradd --create-home --home-dir "/home/$user" --shell /bin/bash "$user"
    log "created user $user"
  fi
  usermod -aG "$(IFS=,; echo "${groups[*]}")" "$user"
  # A desktop user's home is private (adduser's default on Debian 12): the lab must cope with that.
  chmod 0700 "/home/$user"
  log "$user is in: $(id -nG "$user")"
}

# Read access to the checkout (and a way to it), write access only where the tests write.
checkout_access() {
  local dir=$checkout
  as_user() { runuser -u "$user" -- "$@"; }
  while [ "$dir" != / ]; do dir=$(dirname "$dir"); as_user test -x "$dir" || setfacl -m "u:$user:x" "$dir"; done
  # A checkout in a private home (e.g. /root) is granted; a world-readable one needs nothing.
  as_user test -r "$checkout/package.json" -a -x "$checkout/node_modules" || setfacl -R -m "u:$user:rX" "$checkout"
  for writable in test-results node_modules/.vite node_modules/.vite-temp; do
    mkdir -p "$checkout/$writable"
    setfacl -R -m "u:$user:rwX" -m "d:u:$user:rwX" "$checkout/$writable"
  done
  log "$user may read $checkout and write its test-results and node_modules/.vite{,-temp}"
}

libvirt_group_socket
ensure_user
checkout_access
