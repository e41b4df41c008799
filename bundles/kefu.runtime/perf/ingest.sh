#!/usr/bin/env bash
# Measures message ingest through the webhook channel: messages stored per second and the latency of each
# acknowledgement, with Kefu on the embedded H2 (default) or on the MariaDB/MySQL at 127.0.0.1:3306.
#
#   bundles/kefu.runtime/perf/ingest.sh [h2|mariadb] [driver options, e.g. --customers 500 --messages 20 --concurrency 64]
set -euo pipefail
cd "$(dirname "$0")/../../.."
database=${1:-h2}; shift || true
jar=$PWD/bundles/kefu.runtime/target/kefu.jar
driver=$PWD/bundles/kefu.loaddriver/target/kefu-loaddriver.jar
[ -f "$jar" ] && [ -f "$driver" ] || { echo "build first: mvn -DskipTests package" >&2; exit 1; }

home=$(mktemp -d /tmp/kefu-ingest-XXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
secret=$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32)
mkdir -p "$home/conf"
printf 'app=load\n.secret=%s\n' "$secret" > "$home/conf/kefu.channel.webhook-load.cfg"
db=""
if [ "$database" = mariadb ]; then
    db=kefu_ingest_$RANDOM$RANDOM
    mysql -h127.0.0.1 -uroot -e "CREATE DATABASE $db CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
    printf 'url=jdbc:mysql://127.0.0.1:3306/%s?connectionTimeZone=UTC\nuser=root\n.password=\nmaximumPoolSize=20\n' "$db" \
        > "$home/conf/kefu.store.cfg"
fi
cleanup() {
    [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
    [ -n "$db" ] && mysql -h127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS $db" || true
    rm -rf "$home"
}
trap cleanup EXIT
(cd "$home" && exec java -Dorg.osgi.service.http.port="$port" -jar "$jar" >console.log 2>&1) &
pid=$!
until curl -fs -o /dev/null "http://127.0.0.1:$port/api/health"; do
    kill -0 "$pid" 2>/dev/null || { cat "$home/console.log"; exit 1; }
    sleep 0.2
done
sleep 2
echo "Kefu on $database, $(nproc) cores; driver and server share this machine"
java -jar "$driver" --url "http://127.0.0.1:$port" --app load --secret "$secret" "$@"
