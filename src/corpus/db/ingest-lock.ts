// One ingest at a time per data folder. SQLite already lets only one writer
// in at a time, but two ingests interleaving file by file would each judge the
// folder against a database the other is changing; the second one waits.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export class IngestBusyError extends Error {}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes a lock file for this process (its pid inside); false while another live process holds it. A lock left by a
 * process that died (kill -9, power loss) is taken over.
 */
export function tryLock(file: string): boolean {
  try {
    const fd = openSync(file, 'wx');
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    const pid = Number(readFileSync(file, 'utf8').trim());
    if (!Number.isInteger(pid) || pid <= 0 || (pid !== process.pid && !alive(pid))) {
      rmSync(file, { force: true });
      return tryLock(file);
    }
    return false;
  }
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Holds the lock while `work` runs. Waits up to waitMs for another ingest to finish, then throws IngestBusyError. */
export function withIngestLock<T>(build: string, waitMs: number, work: () => T): T {
  const file = join(build, 'ingest.lock');
  const until = Date.now() + waitMs;
  while (!tryLock(file)) {
    if (Date.now() >= until) {
      throw new IngestBusyError(
        `another "briefing ingest" is running on ${build} (pid ${readFileSync(file, 'utf8').trim()}); try again when it has finished`,
      );
    }
    sleep(200);
  }
  try {
    return work();
  } finally {
    rmSync(file, { force: true });
  }
}
