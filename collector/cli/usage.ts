export const USAGE = `podskazka-collector — the district collector of Podskazka

Usage:
  podskazka-collector serve [--host 127.0.0.1] [--port 8787] [--demo]
  podskazka-collector district add NAME [--region REGION]
  podskazka-collector token add DISTRICT          prints a new report token (shown once)
  podskazka-collector token revoke TOKEN
  podskazka-collector user add DISTRICT LOGIN     password from stdin, or generated and printed
  podskazka-collector policy DISTRICT --endpoint URL [--token TOKEN]
                                                  prints the managed-policy JSON for the district's computers
                                                  (a new token is created unless --token is given)

Every command takes the database as
  --db FILE            embedded SQLite (default: podskazka-collector.db), or
  --database-url URL   PostgreSQL (postgres://…); DATABASE_URL in the environment works too.

DISTRICT is a district's name or number. serve --demo adds «Демо-район» with sample counts and prints a login.`;
