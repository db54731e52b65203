import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Every temporary folder of a run lives in one, removed at the end (tests/global-setup.ts).
    globalSetup: ['tests/global-setup.ts'],
    // Four files at a time on two cores: the end-to-end files spend most of their time waiting on
    // timers (digest fires, feed polls, leases) and on processes they started, and the other workers
    // keep the CPU busy meanwhile. Measured 2026-12-07 (103 files, processes bundled): 54 s with three,
    // 49 s with four, 49 s with five (72, 60-64 and 64 s before the bundle). Starting the waiting files first
    // (a custom sequencer) measured no better than vitest's own order.
    maxWorkers: 4,
    // Threads that keep their loaded modules between files: loading discord.js and the rest once per
    // worker, not once per file, took the import time from 17 s to under 4. No test changes shared
    // module state (the one that sets TZ restores it, and no code reads the local time zone).
    pool: 'threads',
    isolate: false,
  },
});
