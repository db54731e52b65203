import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Every temporary folder of a run lives in one, removed at the end (tests/global-setup.ts).
    globalSetup: ['tests/global-setup.ts'],
  },
});
