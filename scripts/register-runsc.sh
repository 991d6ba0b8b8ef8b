#!/usr/bin/env bash
# Registers gVisor (runsc) as a Docker runtime in /etc/docker/daemon.json, keeping every other
# setting there. On hosts where runsc cannot set up networking in the root network namespace it
# must run with --network=none (see shared/HOST.md); that is the setting used here.
set -euo pipefail
runsc=$(command -v runsc || true)
[ -n "$runsc" ] || { echo "[runsc] runsc is not installed; skipping"; exit 0; }
mkdir -p /etc/docker
changed=$(RUNSC="$runsc" node --input-type=module -e '
  import { readFileSync, writeFileSync, existsSync } from "node:fs";
  const file = "/etc/docker/daemon.json";
  const config = existsSync(file) ? JSON.parse(readFileSync(file, "utf8") || "{}") : {};
  const want = { path: process.env.RUNSC, runtimeArgs: ["--network=none"] };
  const before = JSON.stringify(config.runtimes?.runsc ?? null);
  config.runtimes = { ...(config.runtimes ?? {}), runsc: want };
  if (before !== JSON.stringify(want)) { writeFileSync(file, JSON.stringify(config, null, 2) + "\n"); console.log("yes"); }
  else console.log("no");
')
if [ "$changed" = yes ]; then
  echo "[runsc] registered $runsc in /etc/docker/daemon.json"
  # runtimes are a live-reloadable daemon option: SIGHUP applies them without a restart
  [ -f /var/run/docker.pid ] && kill -HUP "$(cat /var/run/docker.pid)" 2>/dev/null || true
else
  echo "[runsc] already registered"
fi
