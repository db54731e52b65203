// Text from articles and users shown in Discord: every markdown construct is
// escaped, not only the ones discord.js's escapeMarkdown handles by default.
// A title such as `Iran [click here](https://evil.example)` must never become
// a masked link, and a quote must never turn into a heading, a block quote,
// subtext (-#) or a list. A backslash before ASCII punctuation renders as the
// character alone, so escaping is invisible to the reader.

// Inline markers, masked-link brackets, and the characters that start a line construct.
const INLINE = /[\\*_~`|[\]()<>#-]/g;
/** "1. " at the start of a line would become a numbered list. */
const ORDERED_LIST = /^(\s*\d+)([.)])/gm;

export function escapeMarkdown(text: string): string {
  return text.replace(INLINE, (ch) => `\\${ch}`).replace(ORDERED_LIST, '$1\\$2');
}
