export const USAGE = `podskazka-collector — the district collector of Podskazka

Usage:
  podskazka-collector serve [--host 127.0.0.1] [--port 8787] [--demo]
  podskazka-collector district add NAME [--region REGION]
  podskazka-collector token add DISTRICT          prints a new report token (shown once)
  podskazka-collector token revoke TOKEN
  podskazka-collector school add DISTRICT ORGID "Название"
  podskazka-collector school import DISTRICT FILE.csv
                                                  the district's list (UTF-8 or Windows-1251, ";" or ",",
                                                  a header row «Код;Наименование»); all or nothing
  podskazka-collector user add DISTRICT LOGIN [--role district|school] [--school ORGID]
  podskazka-collector user add REGION LOGIN --role region
                                                  password from stdin, or generated and printed;
                                                  a school user sees only its school, a region user its districts
  podskazka-collector policy DISTRICT --endpoint URL [--token TOKEN]
                                                  prints the managed-policy JSON for the district's computers
                                                  (a new token is created unless --token is given)

Every command takes the database as
  --db FILE            embedded SQLite (default: podskazka-collector.db), or
  --database-url URL   PostgreSQL (postgres://…); DATABASE_URL in the environment works too.

DISTRICT is a district's name or number. serve --demo adds «Демо-район» with sample counts and prints a login.`;
