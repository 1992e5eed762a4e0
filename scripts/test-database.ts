// Prints the MariaDB server URL the tests should use: TEST_DATABASE_URL or DATABASE_URL when given, the default
// local server when it answers, and otherwise a private MariaDB started under .data/ (as `npm run db:local` does).
import { resolve } from 'node:path';
import { startLocalMariadb, portAnswers } from '../src/db/local-mariadb.js';

const given = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
if (given) {
  console.log(given);
} else if (await portAnswers(3306)) {
  console.log('mysql://root@127.0.0.1:3306/');
} else {
  console.error('No MariaDB answers on 127.0.0.1:3306: starting a private one under .data/mariadb for the tests.');
  const local = await startLocalMariadb(resolve(process.env.DATA_DIR ?? '.data'), 'realtime_auth');
  console.log(local.url.replace(/[^/]+$/, ''));
}
