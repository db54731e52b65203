// One wording for every command's flag mistakes.
/** node:util's parseArgs words, which quote the option oddly and suggest "--" to people who mistyped a flag. */
export function parseArgsMessage(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const unknown = /^Unknown option '([^']+)'/.exec(message);
  if (unknown) return `Unknown option ${unknown[1]}.`;
  const missing = /^Option '([^']+)(?: <value>)?' argument missing/.exec(message);
  if (missing) return `${missing[1]!.replace(/^-\w, /, '')} needs a value.`;
  return message;
}
