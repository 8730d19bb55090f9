import { readFile } from 'node:fs/promises';
import { mkdirSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createAdmin } from '../admin/first-admin';
import { configFromEnv } from '../config';
import { migrate } from '../db/migrate';
import { openDatabase } from '../db/open';

/**
 * Creates an administrator on the configured database (DATABASE_URL, else DATA_DIR):
 *   npm run create-admin -- --username jnovak --name "Jana Nováková" [--password-file FILE]
 * The password is read from the file (its first line) or typed at the terminal, never taken
 * from the command line, where the shell history and the process list would keep it.
 */
const USAGE =
  'Usage: npm run create-admin -- --username <name> --name "<full name>" [--password-file <file>]';

/** Reads a line from the terminal without echoing it. */
const askHidden = (question: string): Promise<string> =>
  new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const mute = rl as unknown as { _writeToOutput: (s: string) => void };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
    // Only the question is shown; what is typed is not.
    mute._writeToOutput = (s: string) => {
      if (s.startsWith(question)) process.stdout.write(question);
    };
  });

const readPassword = async (file: string | undefined): Promise<string> => {
  if (file) return ((await readFile(file, 'utf8')).split(/\r?\n/)[0] ?? '').trim();
  if (!process.stdin.isTTY)
    throw new Error('No terminal to type the password at: use --password-file.');
  const first = await askHidden('Password (at least 12 characters): ');
  const again = await askHidden('Password again: ');
  if (first !== again) throw new Error('The two passwords differ.');
  return first;
};

const main = async () => {
  const { values } = parseArgs({
    options: {
      username: { type: 'string' },
      name: { type: 'string' },
      'password-file': { type: 'string' },
    },
  });
  if (!values.username || !values.name) throw new Error(USAGE);
  const password = await readPassword(values['password-file']);
  const config = configFromEnv();
  if (!config.databaseUrl) mkdirSync(config.dataDir, { recursive: true });
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(db);
    const result = await createAdmin(db, {
      username: values.username,
      name: values.name,
      password,
    });
    if (!result.ok)
      throw new Error(
        result.reason === 'exists'
          ? `An account "${values.username}" exists already.`
          : `Not accepted: ${result.detail === 'password' ? 'the password needs at least 12 characters' : result.detail}.`,
      );
    console.info(`Administrator "${values.username}" created.`);
  } finally {
    await db.close();
  }
};

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : 'create-admin failed');
  process.exit(1);
});
