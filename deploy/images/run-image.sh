#!/usr/bin/env bash
# Runs an image tarball from ./backbone images without a container engine, as a pod would run it: its
# layers unpacked in order, the root read-only, a small tmpfs on /tmp, the image's user (185, mapped
# through a user namespace), working directory, environment and entrypoint. The host's network, so it
# reaches ./backbone infra. Root only (to mount); for checking an image here, not for production.
#
#   deploy/images/run-image.sh IMAGE.tar [NAME=value ...]   unpack to a temporary directory and run it there
#   deploy/images/run-image.sh --unpack IMAGE.tar DIR       only unpack (a benchmark then times the start alone)
#   deploy/images/run-image.sh DIR [NAME=value ...]         run an image unpacked before
# It runs in the foreground; SIGTERM or Ctrl-C stops the service as Kubernetes would (SIGTERM).
set -euo pipefail
[[ $(id -u) == 0 ]] || { echo "run-image: needs root (mounts)" >&2; exit 1; }
command -v node >/dev/null || { echo "run-image: needs node (reads the image's JSON)" >&2; exit 1; }

unpack_only=false
if [[ $1 == --unpack ]]; then unpack_only=true; shift; fi
image=$(readlink -f "$1"); shift
if [[ -d $image ]]; then
  root=$image
else
  if $unpack_only; then root=$(readlink -f "$1"); shift; mkdir -p "$root"; else
    root=$(mktemp -d /tmp/backbone-image.XXXXXX)
    trap 'rm -rf "$root"' EXIT
  fi
  mkdir "$root/meta" "$root/fs"
  tar -xf "$image" -C "$root/meta"
fi
# manifest and config as shell words: the layers, the user, the working directory, env, entrypoint + cmd
read_config() {
  node -e '
    const fs = require("fs"), dir = process.argv[1];
    const m = JSON.parse(fs.readFileSync(dir + "/manifest.json"))[0];
    const c = JSON.parse(fs.readFileSync(dir + "/" + m.Config)).config;
    const out = {layers: m.Layers, user: c.User || "0", wd: c.WorkingDir || "/", env: c.Env || [],
                 cmd: [...(c.Entrypoint || []), ...(c.Cmd || [])]};
    console.log([].concat(out[process.argv[2]]).join("\n"));
  ' "$root/meta" "$1"
}
if [[ ! -d $image ]]; then
  mapfile -t layers < <(read_config layers)
  for layer in "${layers[@]}"; do tar -xf "$root/meta/$layer" -C "$root/fs" 2>/dev/null; done
  mkdir -p "$root/fs/proc" "$root/fs/dev" "$root/fs/etc"
  cp /etc/resolv.conf /etc/hosts "$root/fs/etc/"
  chmod 755 "$root" "$root/fs"
  $unpack_only && exit 0
fi
user=$(read_config user); wd=$(read_config wd)
mapfile -t env < <(read_config env)
mapfile -t cmd < <(read_config cmd)

# a private mount namespace: the image's root bound read-only, /proc, /dev and /tmp inside it; then, as the
# image's user in a user namespace of its own, with only the image's environment and the given one,
# chroot into it and run the entrypoint
unshare --mount --propagation private -- bash -c '
  fs=$1; user=$2; wd=$3; vars=$4; shift 4
  mount --bind "$fs" "$fs" && mount -o remount,bind,ro "$fs"
  # what a container runtime gives every container: /proc, and /dev (the JVM seeds SecureRandom from
  # /dev/urandom; without it, it gathers entropy for seconds)
  mount --rbind /proc "$fs/proc"
  mount --rbind /dev "$fs/dev"
  mount -t tmpfs -o size=64m,mode=1777 tmpfs "$fs/tmp"
  exec /usr/bin/env -i "${@:1:vars}" /usr/bin/setpriv --reuid="$user" --regid="$user" --clear-groups \
    /usr/bin/unshare --user --map-current-user --mount --root="$fs" --wd="$wd" -- "${@:vars+1}"
' run-image "$root/fs" "$user" "$wd" $((${#env[@]} + $#)) "${env[@]}" "$@" "${cmd[@]}" &
child=$!
trap 'kill -TERM $child 2>/dev/null' TERM INT
wait $child || status=$?
wait $child 2>/dev/null || true
exit "${status:-0}"
