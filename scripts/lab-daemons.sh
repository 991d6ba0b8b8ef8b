#!/usr/bin/env bash
# Starts, stops or checks the lab engines: lab-daemons.sh start|stop|status docker|libvirt|lxd
# (restart lxd: kills the daemon alone, as a crash does; its instances keep running)
# and the local mirrors scripts/build-mirror.sh configures: ... registry|mirror
# Uses systemd when it is the init system, else runs the daemons directly (containers, CI hosts).
# Tests use "stop docker" / "start docker" to prove the app notices a daemon leaving and returning.
set -euo pipefail
# The daemons inherit the working directory: /, never a checkout that may be deleted under them
# (LXD's rsync for a snapshot then failed with "getcwd(): No such file or directory").
cd /

action=${1:-}; engine=${2:-}
logdir=/var/log/twinlab
log() { printf '[lab-daemons] %s\n' "$*"; }
die() { printf '[lab-daemons] error: %s\n' "$*" >&2; exit 1; }

has_systemd() { [ -d /run/systemd/system ]; }

docker_answers() { timeout 5 docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }
libvirt_answers() { timeout 5 virsh -c qemu:///system version >/dev/null 2>&1; }
registry_config=/var/lib/twinlab/registry/config.yml
registry_answers() { curl -fs -m 5 -o /dev/null http://127.0.0.1:5000/v2/; }
mirror_dir=${TWINLAB_MIRROR_DIR:-/var/lib/twinlab/mirror}
mirror_port=${TWINLAB_MIRROR_PORT:-8787}
mirror_answers() { [ "$(curl -s -m 5 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$mirror_port/")" != 000 ]; }
as_user() { printf '%s\n' setpriv --reuid="$1" --regid="$(id -g "$1")" --clear-groups --; } # words to prefix a command with
stop_pid() { [ -f "$1" ] && kill "$(cat "$1")" 2>/dev/null; rm -f "$1"; } # kills only what start_* recorded
lxd_answers() { timeout 5 lxc query /1.0 >/dev/null 2>&1; }

wait_until() { # wait_until SECONDS CMD... : polls CMD until it succeeds
  local limit=$1; shift
  for _ in $(seq 1 $((limit * 4))); do "$@" && return 0; sleep 0.25; done
  return 1
}
not() { ! "$@"; }

start_docker() {
  docker_answers && { log "docker already answers"; return; }
  if has_systemd; then systemctl start containerd docker
  else
    mkdir -p "$logdir"
    setsid dockerd >>"$logdir/dockerd.log" 2>&1 < /dev/null &
  fi
  wait_until 60 docker_answers || die "dockerd did not answer within 60 s; see $logdir/dockerd.log"
  log "docker $(docker version --format '{{.Server.Version}}') answers"
}

stop_docker() {
  if has_systemd; then systemctl stop docker.socket docker
  elif [ -f /var/run/docker.pid ]; then kill "$(cat /var/run/docker.pid)" 2>/dev/null || true
  fi
  wait_until 60 not docker_answers || die "dockerd still answers after 60 s"
  # dockerd removes its pid file on exit; wait so a quick restart does not race the old process
  wait_until 30 not test -e /var/run/docker.pid || die "dockerd did not exit within 30 s"
  log "docker stopped"
}

kvm_device_permissions() {
  # What udev does on a desktop: /dev/kvm as root:kvm 0660. Without udev it stays root-only, and
  # libvirtd then sees KVM come and go between probes and re-probes QEMU on every define (slow).
  if [ -e /dev/kvm ] && getent group kvm >/dev/null; then chgrp kvm /dev/kvm && chmod 0660 /dev/kvm; fi
}

start_libvirt() {
  kvm_device_permissions
  libvirt_answers && { log "libvirt already answers"; return; }
  if has_systemd; then systemctl start virtlogd libvirtd
  else
    mkdir -p "$logdir"
    pgrep -x virtlogd >/dev/null || virtlogd -d
    pgrep -x libvirtd >/dev/null || libvirtd -d >>"$logdir/libvirtd.log" 2>&1
  fi
  wait_until 60 libvirt_answers || die "libvirtd did not answer within 60 s"
  log "libvirt answers: $(virsh -c qemu:///system version 2>/dev/null | grep -i 'running hypervisor' || true)"
}

libvirtd_running() { pgrep -x libvirtd >/dev/null; }

stop_libvirt() {
  if has_systemd; then systemctl stop libvirtd
  else pkill -x libvirtd || true
  fi
  wait_until 30 not libvirt_answers || die "libvirtd still answers after 30 s"
  # It stops answering before its process is gone; a quick "start" must not find the old one there
  has_systemd || wait_until 30 not libvirtd_running || die "libvirtd did not exit within 30 s"
  log "libvirt stopped"
}

start_lxd() {
  lxd_answers && { log "lxd already answers"; return; }
  if has_systemd; then systemctl start lxd.socket lxd
  else
    mkdir -p "$logdir"
    # The socket's group is who may use LXD (as systemd's unit does): lxd when the package made it.
    group=root; getent group lxd >/dev/null && group=lxd
    setsid lxd --group "$group" >>"$logdir/lxd.log" 2>&1 < /dev/null &
  fi
  timeout 60 lxd waitready 2>/dev/null || die "lxd did not answer within 60 s; see $logdir/lxd.log"
  log "lxd $(lxc query /1.0 | sed -n 's/.*"server_version": "\([^"]*\)".*/\1/p') answers"
}

stop_lxd() {
  if has_systemd; then systemctl stop lxd.socket lxd
  else lxd shutdown --timeout 60 2>/dev/null || true
  fi
  wait_until 60 not lxd_answers || die "lxd still answers after 60 s"
  log "lxd stopped"
}

# The daemon alone, killed as a crash does (or systemd after a stop timeout: a graceful SIGTERM
# waits for every running operation, so an open console would hold it for minutes). Its instances
# keep running (their monitors are separate processes), and clients must find their way back.
restart_lxd() {
  if has_systemd; then systemctl kill --kill-who=main --signal=SIGKILL lxd; systemctl start lxd
  else
    pkill -KILL -f '^(/usr/(s)?bin/)?lxd --group' || die "no lxd daemon process to restart"
    wait_until 30 not lxd_answers || die "lxd still answers 30 s after SIGKILL"
    start_lxd
  fi
  log "lxd restarted"
}

start_registry() { # Debian's docker-registry with the config build-mirror.sh writes (anonymous, loopback)
  registry_answers && { log "registry already answers"; return; }
  [ -f "$registry_config" ] || die "$registry_config is missing: run scripts/build-mirror.sh"
  if has_systemd; then
    mkdir -p /etc/systemd/system/docker-registry.service.d
    printf '[Service]\nExecStart=\nExecStart=/usr/bin/docker-registry serve %s\n' "$registry_config" \
      > /etc/systemd/system/docker-registry.service.d/twinlab.conf
    # restart: Debian's package may already run it with its own config (htpasswd logins, every address)
    systemctl daemon-reload && systemctl restart docker-registry
  else
    mkdir -p "$logdir"
    setsid $(as_user docker-registry) docker-registry serve "$registry_config" >>"$logdir/registry.log" 2>&1 < /dev/null &
    echo $! > /run/twinlab-registry.pid
  fi
  wait_until 30 registry_answers || die "the registry did not answer on 127.0.0.1:5000 within 30 s; see $logdir/registry.log"
  log "registry answers on 127.0.0.1:5000"
}

stop_registry() {
  if has_systemd; then systemctl stop docker-registry; else stop_pid /run/twinlab-registry.pid; fi
  wait_until 30 not registry_answers || die "the registry still answers after 30 s"
  log "registry stopped"
}

start_mirror() { # BusyBox httpd serving the HTTP mirror's folder read-only on loopback
  mirror_answers && { log "HTTP mirror already answers"; return; }
  if has_systemd; then
    printf '[Unit]\nDescription=Twinlab HTTP mirror\n[Service]\nExecStart=/bin/busybox httpd -f -p 127.0.0.1:%s -h %s\nUser=nobody\n' \
      "$mirror_port" "$mirror_dir" > /etc/systemd/system/twinlab-mirror.service
    systemctl daemon-reload && systemctl start twinlab-mirror
  else
    mkdir -p "$logdir"
    setsid $(as_user nobody) busybox httpd -f -p "127.0.0.1:$mirror_port" -h "$mirror_dir" >>"$logdir/mirror.log" 2>&1 < /dev/null &
    echo $! > /run/twinlab-mirror-$mirror_port.pid
  fi
  wait_until 15 mirror_answers || die "the HTTP mirror did not answer on 127.0.0.1:$mirror_port within 15 s"
  log "HTTP mirror answers on 127.0.0.1:$mirror_port"
}

stop_mirror() {
  if has_systemd; then systemctl stop twinlab-mirror
  else stop_pid /run/twinlab-mirror-$mirror_port.pid
  fi
  wait_until 15 not mirror_answers || die "the HTTP mirror still answers after 15 s"
  log "HTTP mirror stopped"
}

status() { if "${engine}_answers"; then log "$engine answers"; else log "$engine does not answer"; return 1; fi; }

case "$action:$engine" in
  start:docker|stop:docker|start:libvirt|stop:libvirt|start:lxd|stop:lxd|restart:lxd) "${action}_${engine}" ;;
  start:registry|stop:registry|start:mirror|stop:mirror) "${action}_${engine}" ;;
  status:docker|status:libvirt|status:lxd|status:registry|status:mirror) status ;;
  *) die "usage: $0 start|stop|status docker|libvirt|lxd|registry|mirror, or restart lxd" ;;
esac
