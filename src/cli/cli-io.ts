// Where a CLI command writes: answers to out, progress and errors to err.
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Whether stdout is a terminal (for bold marks and progress). */
  isTty: boolean;
}
