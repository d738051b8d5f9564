import { parseArgs, type ParseArgsConfig } from 'node:util';
import { databaseTarget, openDatabase, type CollectorDatabase } from '../storage/open-database';
import { addSchoolCommand, importSchoolsCommand } from './school-commands';
import { addUser, addDistrictCommand, policyCommand } from './admin-commands';
import { addTokenCommand, listTokensCommand, revokeTokenCommand } from './token-commands';
import { serveCommand } from './serve';
import { USAGE } from './usage';
import { UsageError } from './usage-error';
import { collectorVersion } from './version';

class HelpRequested extends Error {}

const DATABASE_OPTIONS = { db: { type: 'string' }, 'database-url': { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;

type Output = { out: (line: string) => void; readStdin: () => Promise<string | null> };

const defaultOutput: Output = {
  out: (line) => console.log(line),
  readStdin: async () => {
    if (process.stdin.isTTY) return null;
    let text = '';
    for await (const chunk of process.stdin) text += chunk;
    return text;
  },
};

/** Runs one command; returns the exit code. `serve` resolves only when the server stops. */
export async function main(argv: string[], io: Output = defaultOutput): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    if (error instanceof HelpRequested) return (io.out(USAGE), 0);
    // A usage error may list several lines (a school list's bad rows); anything else, its first line.
    console.error(`podskazka-collector: ${error instanceof UsageError ? error.message : explain(error)}`);
    return 1;
  }
}

async function run(argv: string[], io: Output): Promise<number> {
  const [command, sub] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.out(USAGE);
    return 0;
  }
  if (command === '--version' || command === '-v' || command === 'version') {
    io.out(`podskazka-collector ${collectorVersion()} (Node.js ${process.versions.node})`);
    return 0;
  }
  if (command === 'serve') {
    const { values, text } = parse(argv.slice(1), { host: { type: 'string' }, port: { type: 'string' }, demo: { type: 'boolean' }, 'trust-proxy': { type: 'boolean' } }, 0);
    return serveCommand({ target: target(values), host: text('host'), port: text('port'), demo: values.demo === true, trustProxy: values['trust-proxy'] === true }, io.out);
  }
  const key = ['district', 'school', 'token', 'user'].includes(command) ? `${command} ${sub ?? ''}` : command;
  const rest = key === command ? argv.slice(1) : argv.slice(2);
  switch (key) {
    case 'district add': {
      const { values, text, positionals } = parse(rest, { region: { type: 'string' } }, 1, 'district add NAME');
      return withDatabase(values, (database) => addDistrictCommand(database, positionals[0]!, text('region'), io.out));
    }
    case 'token add': {
      const { values, text, positionals } = parse(rest, TOKEN_OPTIONS, 1, 'token add DISTRICT [--school ORGID]');
      const options = { school: text('school'), rowsPerDay: text('rows-per-day'), newSchoolsPerDay: text('new-schools-per-day') };
      return withDatabase(values, (database) => addTokenCommand(database, positionals[0]!, options, io.out));
    }
    case 'token list': {
      const { values, positionals } = parse(rest, {}, [0, 1], 'token list [DISTRICT]');
      return withDatabase(values, (database) => listTokensCommand(database, positionals[0], io.out));
    }
    case 'token revoke': {
      const { values, positionals } = parse(rest, { stdin: { type: 'boolean' } }, wantsStdin(rest) ? 0 : 1, 'token revoke TOKEN-ID | pk_START | --stdin');
      const stdin = values.stdin ? await io.readStdin() : null;
      return withDatabase(values, (database) => revokeTokenCommand(database, positionals[0], stdin, io.out));
    }
    case 'school add': {
      const { values, positionals } = parse(rest, {}, 3, 'school add DISTRICT ORGID "Название"');
      return withDatabase(values, (database) => addSchoolCommand(database, positionals[0]!, positionals[1]!, positionals[2]!, io.out));
    }
    case 'school import': {
      const { values, positionals } = parse(rest, {}, 2, 'school import DISTRICT FILE.csv');
      return withDatabase(values, (database) => importSchoolsCommand(database, positionals[0]!, positionals[1]!, io.out));
    }
    case 'user add': {
      const { values, text, positionals } = parse(rest, { role: { type: 'string' }, school: { type: 'string' } }, 2, 'user add DISTRICT LOGIN [--role region|district|school] [--school ORGID]');
      const role = text('role') ?? 'district';
      if (role !== 'district' && role !== 'region' && role !== 'school') throw new UsageError('--role is region, district or school');
      const password = await io.readStdin();
      return withDatabase(values, (database) => addUser(database, { role, place: positionals[0]!, school: text('school') }, positionals[1]!, password, io.out));
    }
    case 'policy': {
      const { values, text, positionals } = parse(rest, { endpoint: { type: 'string' }, token: { type: 'string' }, school: { type: 'string' } }, 1, 'policy DISTRICT --endpoint URL [--school ORGID]');
      const endpoint = text('endpoint');
      if (!endpoint) throw new UsageError('policy needs --endpoint URL (the collector address the computers report to)');
      return withDatabase(values, (database) => policyCommand(database, positionals[0]!, endpoint, text('token'), text('school'), io.out));
    }
    default:
      throw new UsageError(`unknown command "${argv.slice(0, 2).join(' ')}"; see podskazka-collector --help`);
  }
}

const TOKEN_OPTIONS = { school: { type: 'string' }, 'rows-per-day': { type: 'string' }, 'new-schools-per-day': { type: 'string' } } as const;
const wantsStdin = (args: string[]) => args.includes('--stdin');

function parse(args: string[], options: NonNullable<ParseArgsConfig['options']>, positionalCount: number | [number, number], shape = '') {
  let parsed: { values: Record<string, string | boolean | undefined | (string | boolean)[]>; positionals: string[] };
  try {
    parsed = parseArgs({ args, options: { ...DATABASE_OPTIONS, ...options }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${explain(error)}; see podskazka-collector --help`);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values.help) throw new HelpRequested();
  const [fewest, most] = typeof positionalCount === 'number' ? [positionalCount, positionalCount] : positionalCount;
  if (parsed.positionals.length < fewest || parsed.positionals.length > most) {
    throw new UsageError(`expected: podskazka-collector ${shape || 'serve'}`);
  }
  const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  return { values, text, positionals: parsed.positionals };
}

function target(values: Record<string, unknown>) {
  const db = values.db as string | undefined;
  const databaseUrl = values['database-url'] as string | undefined;
  if (db && databaseUrl) throw new UsageError('give either --db FILE or --database-url URL, not both');
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new UsageError('--database-url must start with postgres://');
  return databaseTarget({ db, databaseUrl });
}

async function withDatabase(values: Record<string, unknown>, work: (database: CollectorDatabase) => Promise<void>): Promise<number> {
  const database = await openDatabase(target(values)).catch((error: unknown) => {
    throw new UsageError(`cannot open the database: ${explain(error)}`);
  });
  try {
    await work(database);
    return 0;
  } finally {
    await database.close();
  }
}

export function explain(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.trim() || 'unknown error';
}
