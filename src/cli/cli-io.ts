// Where a CLI command writes: answers to out, progress and errors to err.
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Whether stdout is a terminal (for bold marks and progress). */
  isTty: boolean;
  /** The environment settings are read from (DATABASE_URL: where an ingest is published); none when absent. */
  env?: Readonly<Record<string, string | undefined>>;
  /** The .env file settings are also read from, where a command reads one: `.env` in the working folder unless given. */
  envFile?: string;
}
