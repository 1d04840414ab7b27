# Shell helpers shared by ./backbone and deploy/local/infra.sh: where state lives, and how a
# process is started in the background, awaited and stopped (exactly the ones we started).

STATE="$ROOT/.backbone"
DIST="$STATE/dist"
DATA="$STATE/data"
RUN="$STATE/run"
LOGS="$STATE/logs"
mkdir -p "$DIST" "$DATA" "$RUN" "$LOGS"

say() { printf '%s\n' "$*"; }
fail() { printf 'backbone: %s\n' "$*" >&2; exit 1; }

# Starts a command in its own session (so `down` can stop the whole process group) and records its pid.
start_detached() {
  local name=$1; shift
  setsid "$@" >>"$LOGS/$name.log" 2>&1 < /dev/null &
  echo $! >"$RUN/$name.pid"
}

pid_alive() {
  local file="$RUN/$1.pid"
  [[ -f $file ]] && kill -0 "$(cat "$file")" 2>/dev/null
}

stop_detached() {
  local name=$1 file="$RUN/$1.pid" pid
  [[ -f $file ]] || return 0
  pid=$(cat "$file")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -f "$file"
}

# Waits for a readiness probe, printing a dot a second; on timeout names the server and its log.
await_ready() {
  local name=$1 seconds=$2 log=$3; shift 3
  local started=$SECONDS
  printf '  %-22s starting ' "$name"
  until "$@" >/dev/null 2>&1; do
    if (( SECONDS - started >= seconds )); then
      printf ' FAILED\n'
      fail "$name did not become ready within ${seconds}s; see its log: $log"
    fi
    if [[ -n ${AWAIT_PID_NAME:-} ]] && ! pid_alive "$AWAIT_PID_NAME"; then
      printf ' FAILED\n'
      fail "$name exited while starting; see its log: $log"
    fi
    printf '.'
    sleep 1
  done
  printf ' ready (%ss)\n' $((SECONDS - started))
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

