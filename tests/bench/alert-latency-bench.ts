// `npm run bench:alert-latency [-- --articles N] [--json]`: from an article committed to the corpus to its alert
// posted, with the real bot (runBot, every setting at its default) on the local Discord emulator and the seed
// corpus. N articles (default 40) are dropped into raw/ one at a time and each committed by a reload, as SIGHUP and
// a feed poll do. Two times: from the reload's end (the corpus swapped in) to the emulator receiving the alert, and,
// as an upper bound that includes the ingest itself, from the reload's start.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBot } from '../../src/app/run-bot.js';
import { loadConfig } from '../../src/config.js';
import { makeLogger } from '../../src/logger.js';
import { CHANNEL_ID, DiscordEmulator, GUILD_ID, TOKEN } from '../e2e/emulator.js';
import { seedDataDir } from './generate-corpus.js';
import { percentile, round } from './stats.js';
import { benchOptions } from './bench-options.js';

const USAGE = 'Usage: npm run bench:alert-latency [-- --articles N (1 or more)] [--json]';
const values = benchOptions({ articles: { type: 'string' }, json: { type: 'boolean' } }, USAGE);
const N = Number(values.articles ?? 40);
if (!Number.isInteger(N) || N < 1) {
  process.stderr.write(`${USAGE}\n`);
  process.exit(2);
}
const say = (t: string) => process.stderr.write(`[bench:alert-latency] ${t}\n`);
const root = mkdtempSync(join(tmpdir(), 'briefing-alert-latency-'));
const emulator = new DiscordEmulator();
await emulator.start();
try {
  const paths = seedDataDir(join(root, 'data'));
  const parsed = loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: emulator.apiUrl, DATA_DIR: paths.root });
  if (!parsed.ok) throw new Error(parsed.problem.code);
  const runtime = await runBot(
    { ...parsed.config, DISCORD_TOKEN: TOKEN },
    makeLogger('warn', (l) => process.stderr.write(`${l}\n`), [TOKEN]),
  );
  await runtime.store.addWatch(
    { guildId: GUILD_ID, channelId: CHANNEL_ID, rule: 'Quillfeather', thread: false, hourlyCap: 100, createdBy: 'bench' },
    new Date(),
  );
  const posted = (title: string) =>
    emulator.channelPosts(CHANNEL_ID).find((c) => (c.body as { embeds?: { title?: string }[] }).embeds?.[0]?.title === title);
  const samples: number[] = [];
  const withIngest: number[] = [];
  for (let n = 1; n <= N; n++) {
    const title = `Quillfeather ferry ${n} sails from Batumi`;
    writeFileSync(
      join(paths.raw, `quill-${n}.md`),
      `---\ntitle: ${title}\noutlet: Bench Daily\npublished: 2026-12-0${1 + (n % 7)}\n---\n\n` +
        `The Quillfeather ferry number ${n} left Batumi for the Georgian coast on Friday, the port authority said.\n\n` +
        `Officials in Tbilisi said ferry ${n} would carry containers bound for the Middle Corridor.\n`,
    );
    const asked = Date.now();
    await runtime.corpus.reload('bench');
    const committed = Date.now();
    const call = await emulator.waitFor(() => posted(title), 30_000);
    samples.push(call.at - committed);
    withIngest.push(call.at - asked);
    if (n % 10 === 0) say(`${n}/${N} alerts`);
  }
  await runtime.stop(1000);
  const spread = (xs: number[]) => ({ p50: round(percentile(xs, 50)), p95: round(percentile(xs, 95)), p99: round(percentile(xs, 99)) });
  const figures = { articles: N, commit_to_post_ms: spread(samples), ingest_to_post_ms: spread(withIngest) };
  if (values.json) process.stdout.write(`${JSON.stringify(figures)}\n`);
  else
    process.stdout.write(
      `alert latency over ${N} articles (p50 / p95 / p99 ms): ` +
        `committed -> posted ${Object.values(figures.commit_to_post_ms).join(' / ')}; ` +
        `ingest asked -> posted ${Object.values(figures.ingest_to_post_ms).join(' / ')}\n`,
    );
} finally {
  await emulator.close();
  rmSync(root, { recursive: true, force: true });
}
