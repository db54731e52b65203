// Charts are drawn in a child process a little below normal CPU priority
// (nice 5): on a machine with two cores, a chart rendering beside a burst of
// interactions would otherwise take a core the answers need. Measured at 100
// interactions/s: callback p99 65-70 ms rendering in the bot's own thread
// pool, 33 ms in a child at normal priority, 22 ms at nice 10. Not lower than
// 5: a long ingest or a busy machine would starve charts (they time out). The process is
// started on the first chart and restarted after a crash; where it cannot be
// started at all, charts render in this process's thread pool instead. It is one
// per process, shared by whatever draws charts there (bots started and stopped in
// one process, as the tests do, fork it once), and it exits when this process does.
import { type ChildProcess, fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import { renderPngAsync } from './render-png.js';
import type { RenderReply, RenderRequest } from './render-worker.js';

const RENDER_TIMEOUT_MS = 30_000;
/** Unix niceness of the renderer (0 normal, 19 lowest). */
const RENDER_NICE = 5;

/** Beside this module once built (dist/src, or dist/bin bundled); under the test runner, the bundled one. */
function workerFile(): string | null {
  const here = fileURLToPath(new URL('./render-worker.js', import.meta.url));
  if (existsSync(here)) return here;
  const built = here.replace(/\/src\/charts\/render-worker\.js$/, '/dist/bin/render-worker.js');
  return existsSync(built) ? built : null;
}

let child: ChildProcess | null = null;
let nextId = 1;
const waiting = new Map<number, { resolve: (png: Buffer) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();

function failAll(why: string): void {
  for (const [id, w] of waiting) {
    clearTimeout(w.timer);
    w.reject(new Error(why));
    waiting.delete(id);
  }
}

function renderer(): ChildProcess | null {
  if (child?.connected) return child;
  const file = workerFile();
  if (!file) return null;
  const c = fork(file, [], { serialization: 'advanced', stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  try {
    if (c.pid) setPriority(c.pid, RENDER_NICE);
  } catch {
    // Not allowed to change priority here: it renders at normal priority.
  }
  c.on('message', (m: RenderReply) => {
    const w = waiting.get(m.id);
    if (!w) return;
    clearTimeout(w.timer);
    waiting.delete(m.id);
    if ('png' in m) w.resolve(Buffer.from(m.png));
    else w.reject(new Error(m.error));
  });
  c.on('exit', (code, signal) => {
    if (child === c) child = null;
    failAll(`the chart renderer stopped (${signal ?? `exit ${code}`})`);
  });
  // It must not keep the bot alive, nor the bot wait for it on the way out.
  c.unref();
  (c as unknown as { channel?: { unref(): void } }).channel?.unref();
  child = c;
  return c;
}

export function renderInChild(svg: string): Promise<Buffer> {
  const c = renderer();
  if (!c) return renderPngAsync(svg);
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      waiting.delete(id);
      reject(new Error(`the chart took over ${RENDER_TIMEOUT_MS / 1000} s to render`));
    }, RENDER_TIMEOUT_MS);
    waiting.set(id, { resolve, reject, timer });
    c.send({ id, svg } satisfies RenderRequest);
  });
}

/** Starts the renderer ahead of the first chart (forking and loading it takes about half a second). */
export function startRenderer(): void {
  renderInChild('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>').catch(() => {});
}
