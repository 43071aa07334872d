import { buildApp, fieldCryptoFor } from './app';
import { COMMITTEE_TIME_ZONE, ConfigError, loadConfig } from './config';
import { openStore } from './db/client';
import { runSeeds } from './lib/modules';
import { demoAccountsText, seedDemo } from './seed/demo';

async function main() {
  // The committee keeps Beijing time: "today" (a date not in the future, this month's ledger) is
  // the day in Asia/Shanghai, also on a machine whose clock runs in UTC.
  process.env.TZ = COMMITTEE_TIME_ZONE;
  const config = loadConfig();
  const store = await openStore({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.databasePoolSize,
    replica: config.databaseReplica,
  });
  const app = await buildApp(config, store);
  if (config.seedDemo) {
    // buildApp has loaded (or generated) the field-encryption key; this reads the same key.
    const seeded = await seedDemo(store.db, fieldCryptoFor(config), {
      members: config.seedDemoMembers,
      onProgress: (p) => app.log.info(p, 'creating demo members'),
    });
    if (seeded.created) {
      await runSeeds(app.platform, (module) => app.log.info({ module }, 'seeding the demo'));
      app.log.info({ orgs: seeded.orgs, members: seeded.members }, 'demo committee created');
    }
  }

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await app.platform.services.jobs.scheduler.stop();
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ host: config.host, port: config.port });
  // Scheduled jobs run once the server is up (unless JOBS_ENABLED=false), and stop before it closes.
  app.platform.services.jobs.scheduler.start(app.log);
  const where = store.kind === 'pglite' ? `PGlite at ${config.dataDir}` : 'PostgreSQL';
  const address = `http://localhost:${(app.server.address() as { port: number }).port}`;
  process.stdout.write(
    `\n凝心 Ningxin is running at ${address} (store: ${where})\n${demoAccountsText()}\n\n`,
  );
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
  } else {
    process.stderr.write(
      `Failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
  }
  process.exit(1);
});
