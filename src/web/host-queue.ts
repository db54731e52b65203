// One request at a time per host, with a gap between them: a poll of twenty
// feeds on one site must not arrive as twenty parallel requests. Different
// hosts still proceed in parallel.
//
// The gap is waited *before* the next request to a host, not after the last
// one: a timer runs only while a request is waiting for it. That timer keeps
// the process alive (a short-lived `briefing fetch` whose only pending work is
// that wait must not simply exit), and an idle queue holds no timer at all, so
// a stopping process is never kept waiting by a pause nobody needs.

interface HostLane {
  /** Settles when the host's last queued request is done. */
  tail: Promise<void>;
  /** When the next request to this host may start (ms since epoch). */
  readyAt: number;
  /** Requests queued or running. */
  pending: number;
}

export class HostQueue {
  private readonly lanes = new Map<string, HostLane>();

  private readonly gapMs: number;

  constructor(gapMs: number) {
    this.gapMs = gapMs;
  }

  run<T>(host: string, task: () => Promise<T>): Promise<T> {
    this.forgetIdle();
    const lane = this.lanes.get(host) ?? { tail: Promise.resolve(), readyAt: 0, pending: 0 };
    lane.pending++;
    const result = lane.tail.then(async () => {
      await wait(lane.readyAt - Date.now());
      try {
        return await task();
      } finally {
        lane.readyAt = Date.now() + this.gapMs;
        lane.pending--;
      }
    });
    lane.tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.lanes.set(host, lane);
    return result;
  }

  /** Hosts with nothing queued whose gap has passed need no entry: a long-running bot does not keep one per site ever seen. */
  private forgetIdle(): void {
    const now = Date.now();
    for (const [host, lane] of this.lanes) if (lane.pending === 0 && lane.readyAt <= now) this.lanes.delete(host);
  }
}

const wait = (ms: number) => (ms > 0 ? new Promise<void>((r) => setTimeout(r, ms)) : Promise.resolve());
