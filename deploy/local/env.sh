# Addresses and credentials of the local infrastructure. Sourced by ./backbone and infra.sh; the
# exported names are the environment variables the services and tests read (see README).
KAFKA_VERSION=4.1.2
KEYCLOAK_VERSION=26.5.6
EMBEDDED_PG_VERSION=14.19.0
GREENMAIL_VERSION=2.1.3

PG_PORT=${PG_PORT:-15432}
KAFKA_PORT=${KAFKA_PORT:-19092}
KAFKA_CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-19093}
# partner systems: SASL/SCRAM-SHA-512, each allowed by ACLs to write only partner.<its organisation>.*
KAFKA_PARTNER_PORT=${KAFKA_PARTNER_PORT:-19094}
KEYCLOAK_PORT=${KEYCLOAK_PORT:-18080}
SMTP_PORT=${SMTP_PORT:-13025}
MAIL_API_PORT=${MAIL_API_PORT:-18025}

export DB_HOST=${DB_HOST:-127.0.0.1}
export DB_PORT=${DB_PORT:-$PG_PORT}
export KAFKA_BOOTSTRAP=${KAFKA_BOOTSTRAP:-127.0.0.1:$KAFKA_PORT}
export KAFKA_PARTNER_BOOTSTRAP=${KAFKA_PARTNER_BOOTSTRAP:-127.0.0.1:$KAFKA_PARTNER_PORT}
export KEYCLOAK_URL=${KEYCLOAK_URL:-http://127.0.0.1:$KEYCLOAK_PORT}
export OIDC_AUTH_SERVER_URL=${OIDC_AUTH_SERVER_URL:-$KEYCLOAK_URL/realms/backbone}
export SMTP_HOST=${SMTP_HOST:-127.0.0.1}
export SMTP_PORT
# GreenMail's REST API and web page: every mail the local platform sent, by recipient
export MAIL_API_URL=${MAIL_API_URL:-http://127.0.0.1:$MAIL_API_PORT}

# the services, their ports and their topics: one list, deploy/local/services.tsv
SERVICES=() KAFKA_TOPICS=()
while read -r _name _port _topic _shows; do
  if [[ -z $_name || $_name == \#* ]]; then continue; fi
  SERVICES+=("$_name:$_port:$_shows")
  if [[ $_topic != - ]]; then KAFKA_TOPICS+=("$_topic"); fi
done <"$(dirname "${BASH_SOURCE[0]}")/services.tsv"
unset _name _port _topic _shows
