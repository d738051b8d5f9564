export const USAGE = `podskazka-collector — the district collector of Podskazka

Usage:
  podskazka-collector --version
  podskazka-collector serve [--host 127.0.0.1] [--port 8787] [--demo] [--trust-proxy]
                                                  --trust-proxy: behind a reverse proxy that sets
                                                  X-Forwarded-Host/-Proto (otherwise they are ignored)
  podskazka-collector district add NAME [--region REGION]
  podskazka-collector token add DISTRICT [--school ORGID] [--rows-per-day N] [--new-schools-per-day N]
                                                  prints a new report token (shown once); with --school
                                                  it writes only that school's orgId
  podskazka-collector token list [DISTRICT]       token ids, starts, scope, state (never a secret)
  podskazka-collector token revoke TOKEN-ID|pk_START   or: token revoke --stdin < token.txt
  podskazka-collector school add DISTRICT ORGID "Название"
  podskazka-collector school import DISTRICT FILE.csv
                                                  the district's list (UTF-8 or Windows-1251, ";" or ",",
                                                  a header row «Код;Наименование»); all or nothing
  podskazka-collector user add DISTRICT LOGIN [--role district|school] [--school ORGID]
  podskazka-collector user add REGION LOGIN --role region
                                                  password from stdin, or generated and printed;
                                                  a school user sees only its school, a region user its districts
  podskazka-collector policy DISTRICT --endpoint URL [--school ORGID] [--token TOKEN]
                                                  prints the managed-policy JSON for one school's computers
                                                  (--school: a school token and its orgId) or the district's
                                                  (a new token is created unless --token is given)

Every command takes the database as
  --db FILE            embedded SQLite (default: podskazka-collector.db in the current folder,
                       the one npm start serves), or
  --database-url URL   PostgreSQL (postgres://…); DATABASE_URL in the environment works too.

DISTRICT is a district's name or number. serve --demo adds «Демо-район» with sample counts and prints a login.`;
