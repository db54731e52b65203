// Several authors as one display string and back: "A", "A and B", "A, B and C".
// Answers carry both (author and authors), and pages state them either way.

/** "A, B and C" -> ["A", "B", "C"]: bylines list several authors with commas and a final "and" (or "&"). */
export function authorsOf(author: string | null): string[] {
  if (!author) return [];
  return author
    .split(/\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+/)
    .map((n) => n.trim())
    .filter(Boolean);
}

/** ["A", "B", "C"] -> "A, B and C"; null for none. Repeats are dropped. */
export function authorDisplay(names: readonly string[]): string | null {
  const list = [...new Set(names.map((n) => n.replace(/\s+/g, ' ').trim()).filter(Boolean))];
  if (list.length === 0) return null;
  return list.length === 1 ? list[0]! : `${list.slice(0, -1).join(', ')} and ${list.at(-1)}`;
}
