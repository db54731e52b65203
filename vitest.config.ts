import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Every temporary folder of a run lives in one, removed at the end (tests/global-setup.ts).
    globalSetup: ['tests/global-setup.ts'],
    // Two files at a time: most of the suite waits on sockets and timers, not on the CPU.
    maxWorkers: 2,
    // Threads that keep their loaded modules between files: loading discord.js and the rest once per
    // worker, not once per file, took the import time from 17 s to under 4. No test changes shared
    // module state (the one that sets TZ restores it, and no code reads the local time zone).
    pool: 'threads',
    isolate: false,
  },
});
