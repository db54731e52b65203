// Which slice of a long list an answer holds. Discord asks for the page it
// draws; the CLI and JSON ask from the start. Either way an answer costs its
// window, never the whole corpus.

export interface Window {
  offset: number;
  limit: number;
}

/** Most items one answer holds: far more than any screen, far less than a year of articles. */
export const MAX_WINDOW = 1000;

export function windowOf(w: Partial<Window> | undefined): Window {
  const offset = Math.max(0, Math.floor(w?.offset ?? 0));
  const limit = Math.min(MAX_WINDOW, Math.max(0, Math.floor(w?.limit ?? MAX_WINDOW)));
  return { offset, limit };
}

/** An offset past the end moves back to the start of the last full window (a stale page button after the corpus shrank). */
export function clampOffset(w: Window, total: number): number {
  if (w.offset < total || total === 0) return total === 0 ? 0 : w.offset;
  return w.limit > 0 ? Math.floor((total - 1) / w.limit) * w.limit : 0;
}
