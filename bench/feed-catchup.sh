#!/usr/bin/env bash
# How fast communication's feed consumer works through a backlog, alone: the newest N feed entries are taken
# back (their entries and their inbox claims deleted, the consumer group moved back to the first of them),
# communication-service is restarted exactly as it ran, and the span between the first and the last replayed
# event's transaction is timed. The service's other consumers are caught up and no stream is open, so the
# figure is the feed's write path: claim, webhook queue, titles, entries, commit.
#
#   bench/feed-catchup.sh [N]     (default 20000; needs a platform that has run the feed bench: ./backbone up)
#
# Destructive for the local feed only: the replayed entries come back under new numbers.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-20000}
RUN=.backbone/run
KAFKA_LIBS=$(ls -d .backbone/dist/kafka-*/libs | head -1)
sql() { PGPASSWORD=communication psql -h 127.0.0.1 -p 15432 -U communication -d communication -Atq -c "$1"; }

pid=$(cat "$RUN/communication-service.pid")
mapfile -d '' cmd < "/proc/$pid/cmdline"
mapfile -d '' environment < "/proc/$pid/environ"

since=$(sql "SELECT occurred_at FROM feed_entry ORDER BY seq DESC OFFSET $((N - 1)) LIMIT 1")
[[ -n $since ]] || { echo "fewer than $N feed entries: run the feed bench first" >&2; exit 1; }
echo "taking back the feed entries since $since"

kill -TERM "$pid"
while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done

# events that occurred before $since but were sent after it are read again too: their entries stay, so the
# replay skips them (one entry per event id)
sql "DELETE FROM processed_event WHERE consumer = 'communication-feed' AND processed_at >= timestamptz '$since'"
expected=$(sql "WITH gone AS (DELETE FROM feed_entry WHERE occurred_at >= timestamptz '$since' RETURNING 1) SELECT count(*) FROM gone")
java -cp "$KAFKA_LIBS/*" org.apache.kafka.tools.consumer.group.ConsumerGroupCommand --bootstrap-server 127.0.0.1:19092 \
  --group communication-feed --all-topics --reset-offsets --execute \
  --to-datetime "$(date -u -d "$since" +%Y-%m-%dT%H:%M:%S.000)" > /dev/null
started=$(date -u +%Y-%m-%dT%H:%M:%S.%N)
echo "replaying $expected entries; restarting communication-service"

env -i "${environment[@]}" setsid "${cmd[@]}" >> .backbone/logs/communication-service.log 2>&1 < /dev/null &
echo $! > "$RUN/communication-service.pid"

deadline=$((SECONDS + 600))
until [[ $(sql "SELECT count(*) FROM feed_entry WHERE occurred_at >= timestamptz '$since'") -ge $expected ]]; do
  ((SECONDS < deadline)) || { echo "not caught up within 10 minutes" >&2; exit 1; }
  sleep 1
done
sql "SELECT format('caught up: %s events in %s transactions (%s per transaction), %s s from the first to the last: %s events/s',
        count(*), count(DISTINCT processed_at), round(count(*)::numeric / count(DISTINCT processed_at), 1),
        round(extract(epoch FROM max(processed_at) - min(processed_at))::numeric, 2),
        round(count(*) / extract(epoch FROM max(processed_at) - min(processed_at))::numeric))
     FROM processed_event WHERE consumer = 'communication-feed' AND processed_at >= timestamptz '$started'"
