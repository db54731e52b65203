// "The project is backed by both Russia and Turkey: Russia supports the
// establishment of such a corridor ..." names no corridor, yet is about the
// one named just before. A passage that refers to "the corridor", "the
// project" or "such a route" inherits the corridor of the passage before it,
// when that passage is about exactly one corridor, and no other project came
// up in between: "the project" right after a sentence about a pipeline is the
// pipeline, not the corridor named two paragraphs earlier.

const REFERENCE =
  /\b(?:the|this|that|such an?|the proposed|the so-called|the planned)\s+(?:corridor|project|route|initiative|notion|link)\b/i;
const LOOKBACK = 2;
/** Infrastructure that is a project of its own when a passage names no corridor: "the project" may be it. */
const OTHER_PROJECT = new RegExp(
  String.raw`\b(?:pipelines?|railways?|rail lines?|railroads?|highways?|motorways?|roads?|ports?|bridges?|canals?|cables?|` +
    'interconnectors?|terminals?|airports?|dams?|power plants?|' +
    String.raw`(?:a|another|one) (?:new |separate |rival |second )?(?:project|route|corridor|initiative))\b`,
  'i',
);

export interface ReferenceInput {
  articleId: string;
  text: string;
  /** Corridor ids named in the passage. */
  named: string[];
}

/** For each passage, the corridor it refers to without naming it, or null. */
export function resolveCorridorReferences(passages: ReferenceInput[]): (string | null)[] {
  const resolved: (string | null)[] = [];
  passages.forEach((p, i) => {
    resolved.push(null);
    const ref = REFERENCE.exec(p.text);
    // "Georgia is laying a pipeline; the project …": the reference is to what the passage just named.
    if (p.named.length > 0 || !ref || OTHER_PROJECT.test(p.text.slice(0, ref.index))) return;
    for (let j = i - 1; j >= Math.max(0, i - LOOKBACK); j--) {
      const prev = passages[j]!;
      if (prev.articleId !== p.articleId) return;
      const about = prev.named.length > 0 ? prev.named : resolved[j] ? [resolved[j]!] : [];
      if (about.length === 0) {
        if (OTHER_PROJECT.test(prev.text)) return;
        continue;
      }
      if (new Set(about).size === 1) resolved[i] = about[0]!;
      return;
    }
  });
  return resolved;
}
