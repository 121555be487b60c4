#!/usr/bin/env bash
# Runs the whole suite: installs what is missing (Chromium, PostgreSQL 15), checks formatting and that neither
# migration set has pending model changes, starts a throwaway PostgreSQL cluster on a loopback port, and runs
# every test against SQLite and against PostgreSQL. Ends with "tests: N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
OUT="$ROOT/test-output"
PG_PORT="${RESOLUTE_PG_PORT:-55432}"
PG_DIR="$(mktemp -d /tmp/resolute-pg.XXXXXX)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
rm -rf "$OUT" && mkdir -p "$OUT/trx"

log() { printf '\n== %s\n' "$*"; }

need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_apt+=(postgresql-15)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "installing ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null || { echo "apt-get install failed"; exit 1; }
fi

# LibreOffice turns consolidated reports into PDF; the app works without it, so a failed install is not fatal.
# fonts-liberation2 is the Times-compatible font with full Vietnamese that the rendered documents are checked in.
if [ "${RESOLUTE_NO_LIBREOFFICE:-}" != 1 ] && { ! command -v libreoffice >/dev/null 2>&1 || [ ! -d /usr/share/fonts/truetype/liberation2 ]; }; then
  log "installing LibreOffice Writer and fonts-liberation2 (PDF export of reports)"
  export DEBIAN_FRONTEND=noninteractive
  { apt-get update -qq && apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui fonts-liberation2 >/dev/null; } \
    || echo "LibreOffice not installed: the PDF tests check the app's 501 answer instead"
fi

PG_BIN=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")
cleanup() { "$PG_BIN/pg_ctl" -D "$PG_DIR" -m immediate stop >/dev/null 2>&1 || runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR" -m immediate stop >/dev/null 2>&1; rm -rf "$PG_DIR"; }
trap cleanup EXIT

log "starting PostgreSQL on 127.0.0.1:$PG_PORT"
if [ "$(id -u)" = 0 ]; then
  chown postgres "$PG_DIR"
  RUN_PG=(runuser -u postgres --)
else
  RUN_PG=()
fi
"${RUN_PG[@]}" "$PG_BIN/initdb" -D "$PG_DIR" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null || { echo "initdb failed"; exit 1; }
"${RUN_PG[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR" -w -l "$PG_DIR/log" \
  -o "-p $PG_PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null \
  || { echo "PostgreSQL did not start"; cat "$PG_DIR/log"; exit 1; }

log "build"
dotnet tool restore >/dev/null || exit 1
dotnet build Resolute.slnx -c Release -nologo -clp:ErrorsOnly || exit 1

log "checks: formatting and migrations"
checks_failed=0
dotnet format Resolute.slnx --verify-no-changes --no-restore >"$OUT/format.log" 2>&1 || { echo "dotnet format found changes:"; cat "$OUT/format.log"; checks_failed=1; }
for ctx in SqliteResoluteDbContext PostgresResoluteDbContext; do
  dotnet ef migrations has-pending-model-changes --no-build --configuration Release --project src/Resolute.Web --context "$ctx" >"$OUT/migrations-$ctx.log" 2>&1 \
    || { echo "$ctx has pending model changes:"; cat "$OUT/migrations-$ctx.log"; checks_failed=1; }
done

run_suite() { # $1 = sqlite|postgres
  log "tests on $1"
  RESOLUTE_TEST_DB="$1" RESOLUTE_TEST_PG="Host=127.0.0.1;Port=$PG_PORT;Username=postgres" RESOLUTE_TEST_OUTPUT="$OUT" \
    dotnet test tests/Resolute.Tests -c Release --no-build --logger "trx;LogFileName=$1.trx" --results-directory "$OUT/trx" \
    -- RunConfiguration.TreatNoTestsAsError=true
}
run_suite sqlite
run_suite postgres

# dotnet test prints one summary per run; CI reads one closing line, so add up the TRX counters.
read -r passed failed skipped < <(python3 - "$OUT/trx" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
p = f = s = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(path).getroot().find(".//{*}Counters")
    p += int(c.get("passed", 0)); f += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
    s += int(c.get("notExecuted", 0))
print(p, f, s)
PY
)
runs=$(ls "$OUT"/trx/*.trx 2>/dev/null | wc -l)
[ "$runs" -eq 2 ] || failed=$((failed + 1))
echo
echo "screenshots: $OUT/screenshots"
echo "tests: ${passed:-0} passed, ${failed:-1} failed, ${skipped:-0} skipped"
if [ "${failed:-1}" -ne 0 ] || [ "${passed:-0}" -eq 0 ] || [ "$checks_failed" -ne 0 ]; then exit 1; fi
exit 0
