import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Every temporary folder of a run lives in one, removed at the end (tests/global-setup.ts).
    globalSetup: ['tests/global-setup.ts'],
    // Two files at a time: most of the suite waits on sockets and timers, not on the CPU.
    maxWorkers: 2,
  },
});
