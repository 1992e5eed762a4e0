// `npm run db:local`: starts a private MariaDB under .data/mariadb and prints the DATABASE_URL to use.
import { resolve } from 'node:path';
import { DEFAULT_DATABASE_URL, databaseNameOf } from '../src/config.js';
import { startLocalMariadb } from '../src/db/local-mariadb.js';

try {
  const local = await startLocalMariadb(resolve(process.env.DATA_DIR ?? '.data'), databaseNameOf(DEFAULT_DATABASE_URL)!);
  console.log(`${local.started ? 'Started' : 'Already running:'} a private MariaDB with its files in ${local.dataDir}`);
  console.log(`DATABASE_URL=${local.url}`);
  console.log('Put that line in .env (or export it) and run `npm start`. Stop it with `kill $(cat .data/mariadb/mariadb.pid)`.');
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
