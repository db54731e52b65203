// Percentiles and timing for the benchmark. Nearest-rank percentiles over the
// raw samples: no interpolation, so p99 is a latency that really happened.

export interface Latency {
  p50_ms: number;
  p99_ms: number;
}

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

export function latency(samples: readonly number[]): Latency {
  return { p50_ms: round(percentile(samples, 50)), p99_ms: round(percentile(samples, 99)) };
}

/**
 * Runs every input `repeat` times, interleaved, and returns one sample per call in ms, each until its
 * answer is settled (answers are asynchronous; a synchronous call is awaited the same way, so the two compare).
 */
export async function timeEach<T>(inputs: readonly T[], repeat: number, run: (input: T) => unknown): Promise<number[]> {
  const samples: number[] = [];
  for (let r = 0; r < repeat; r++) {
    for (const input of inputs) {
      const t = performance.now();
      await run(input);
      samples.push(performance.now() - t);
    }
  }
  return samples;
}

export const mb = (bytes: number) => round(bytes / 1024 / 1024, 1);
