import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

// `npm run test:unit`: the tests that start no process and open no socket (no web server, no Discord emulator, no
// Postgres, no chart renderer, no ingest thread), for a quick check while working. `npm test` runs everything.
export default mergeConfig(
  base,
  defineConfig({
    test: {
      // One file per core: these wait on nothing, and every further worker loads the modules once more (measured
      // 2026-12-07: 9.2 s with two, 9.8-10.2 s with three, 10.3-10.5 s with four).
      maxWorkers: 2,
      exclude: [
        'tests/e2e/**',
        'tests/bench/bench-smoke.test.ts',
        'tests/feeds/**',
        'tests/web/**',
        'tests/store/store-contract.test.ts',
        'tests/store/pg-checkout.test.ts',
        'tests/charts/charts.test.ts',
        'tests/digest/deliver-chart.test.ts',
        'tests/cli/disk-full.test.ts',
        'tests/cli/fetch-process.test.ts',
        'tests/cli/read-only-data.test.ts',
        'tests/cli/feeds-cli.test.ts',
        'tests/cli/run-cli.test.ts',
        'tests/cli/doctor.test.ts',
        'tests/corpus/corpus-contract.test.ts',
        'tests/corpus/shared-documents.test.ts',
        'tests/corpus/damaged-corpus.test.ts',
        'tests/corpus/ingest-thread.test.ts',
        'tests/corpus/live-corpus.test.ts',
        'tests/digest/catch-up.test.ts',
        '**/node_modules/**',
        'dist/**',
      ],
    },
  }),
);
