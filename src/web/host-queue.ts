// One request at a time per host, with a gap between them: a poll of twenty
// feeds on one site must not arrive as twenty parallel requests. Different
// hosts still proceed in parallel.

export class HostQueue {
  private readonly tails = new Map<string, Promise<void>>();

  private readonly gapMs: number;

  constructor(gapMs: number) {
    this.gapMs = gapMs;
  }

  run<T>(host: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(host) ?? Promise.resolve();
    const result = previous.then(task);
    const tail = result.then(
      () => this.pause(),
      () => this.pause(),
    );
    this.tails.set(host, tail);
    // Forget an idle host, so a long-running bot does not keep one entry per site ever seen.
    void tail.then(() => {
      if (this.tails.get(host) === tail) this.tails.delete(host);
    });
    return result;
  }

  private pause(): Promise<void> {
    return this.gapMs > 0 ? new Promise((r) => setTimeout(r, this.gapMs).unref()) : Promise.resolve();
  }
}
