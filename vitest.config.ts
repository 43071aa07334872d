import os from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Unit tests run once. Database tests (`*.int.test.ts`) run on PGlite always and again on
 * PostgreSQL when TEST_DATABASE_URL is set (CI sets it; with CI=true it is required).
 */
const intFiles = ['apps/server/**/*.int.test.ts'];

// The committee keeps Beijing time, and so does the server (main.ts sets the zone at start): the
// tests run in that zone too, so "today" in a test and in the app it drives is the same day, on a
// machine whose clock runs in UTC as at any hour.
process.env.TZ = 'Asia/Shanghai';
const pgUrl = process.env.TEST_DATABASE_URL;

export default defineConfig({
  test: {
    // Every core: a database test file mostly waits on its own store (PGlite in its worker, or the
    // PostgreSQL server), so files run side by side even on two cores.
    maxWorkers: os.availableParallelism(),
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'packages/shared/src/**/*.test.ts',
            'apps/server/src/**/*.test.ts',
            'apps/web/src/**/*.test.ts',
            'bench/src/**/*.test.ts',
          ],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
        },
      },
      {
        test: {
          name: 'pglite',
          include: intFiles,
          // Files of a worker share their imports: each file builds its own app on its own store, and
          // loading the server's modules again for every file cost about as much as its tests.
          isolate: false,
          env: { TEST_STORE: 'pglite' },
          globalSetup: ['apps/server/test/template.setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      ...(pgUrl
        ? [
            {
              test: {
                name: 'postgres',
                include: intFiles,
                isolate: false,
                env: { TEST_STORE: 'postgres', TEST_DATABASE_URL: pgUrl },
                globalSetup: ['apps/server/test/template.setup.ts'],
                testTimeout: 60_000,
                hookTimeout: 120_000,
              },
            },
          ]
        : []),
    ],
  },
});
