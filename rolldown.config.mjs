// `npm run build`, after tsc: the processes' entry points bundled into dist/bin, each with everything it imports.
// Node 20 loads ES modules one file at a time: `briefing serve` reads about 780 of them (feedsmith, linkedom and zod
// alone are 350), which cost about 1 s of CPU at every start and 0.45 s for each ingest thread. Bundled, that is
// 0.35 s and 0.17 s (measured 2026-12-07). The modules in dist/src stay as tsc writes them, for the tests and benches.
import { defineConfig } from 'rolldown';

export default defineConfig({
  input: {
    cli: 'dist/src/cli.js',
    // Started by file name from beside the module that starts them (src/corpus/ingest-thread.ts, src/charts/render-process.ts).
    'ingest-worker': 'dist/src/corpus/ingest-worker.js',
    'render-worker': 'dist/src/charts/render-worker.js',
  },
  platform: 'node',
  // Native addons load their compiled binary from their own folder; the others are optional and absent. Two bundled
  // paths find a file beside their module (__dirname) and are not taken: pino's transports (the logger writes to a
  // destination of its own) and discord.js's worker sharding. Using either would mean leaving its package external.
  external: [/^better-sqlite3(\/|$)/, /^@resvg\/resvg-js(\/|$)/, 'zlib-sync', 'bufferutil', 'utf-8-validate', 'pg-native'],
  // discord.js evaluates code for sharded bots, which this bot is not.
  checks: { eval: false },
  output: { dir: 'dist/bin', format: 'esm', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js', cleanDir: true },
});
