// Process entry: read configuration, start the service, stop it cleanly on SIGTERM / SIGINT.
import { ConfigError, loadConfig, loadDotEnv } from './config.js';
import { metricsAccess, startApp } from './app.js';
import { DatabaseUnreachableError } from './db/bootstrap.js';
import { createLogger } from './logger.js';
import { unhandledRejections } from './metrics.js';

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
  log.info({ url: app.url, metrics: metricsAccess(config) }, `Listening on ${app.url} — GraphiQL at ${app.url}/graphql, health at ${app.url}/health`);
  if (!config.http.metricsToken) {
    log[config.http.metricsPublic ? 'warn' : 'info'](`/metrics is ${metricsAccess(config)}`);
  }

  // The last net, not the fix: every request path handles its own failures (respondSafely, graphql-ws's own
  // guard), so a rejection arriving here is a bug. It is logged loudly and counted, and the process carries on:
  // exiting would let whoever can trigger that bug take the service down. A synchronous throw nobody caught may
  // have left state half-changed, so that one still ends the process, after saying why.
  process.on('unhandledRejection', (reason) => {
    unhandledRejections.inc();
    log.error({ err: reason }, 'Unhandled promise rejection (a bug: some code path did not handle its failure); carrying on');
  });
  process.on('uncaughtException', (error) => {
    log.fatal({ err: error }, 'Uncaught exception; exiting');
    process.exit(1);
  });

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
