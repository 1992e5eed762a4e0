// Process entry: read configuration, start the service, stop it cleanly on SIGTERM / SIGINT.
import { ConfigError, loadConfig, loadDotEnv } from './config.js';
import { startApp } from './app.js';
import { DatabaseUnreachableError } from './db/bootstrap.js';
import { createLogger } from './logger.js';

async function main(): Promise<void> {
  loadDotEnv();
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const log = createLogger(config.logLevel);
  let app;
  try {
    app = await startApp(config, log);
  } catch (error) {
    if (error instanceof DatabaseUnreachableError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  log.info({ url: app.url }, `Listening on ${app.url} — GraphiQL at ${app.url}/graphql, health at ${app.url}/health`);

  const shutdown = (signal: string) => {
    log.info({ signal }, 'Shutting down');
    const force = setTimeout(() => {
      log.error('Shutdown took too long; exiting');
      process.exit(1);
    }, 10_000);
    force.unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'Error while shutting down');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
