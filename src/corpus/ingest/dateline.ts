// A wire dateline at the head of a report: "WASHINGTON, August 8 (Xinhua) --",
// "NAIROBI, Kenya (AP) _", "MOSCOW, Feb 27 (Reuters) -". It says where and when
// the report was filed: never a quote nor a heading, and the date of a report
// that states no other.

export interface Dateline {
  place: string;
  /** As printed ("August 8", "Feb. 27, 2026"), when the dateline has one. */
  date: string | null;
  agency: string | null;
}

const MONTH = String.raw`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?`;
const DATELINE = new RegExp(
  String.raw`^((?:\p{Lu}[\p{Lu}.'’ -]{1,40}\p{Lu})(?:,\s*\p{Lu}[\p{L}.'’ -]{1,30}?)?)` +
    String.raw`(?:,\s*(${MONTH}\s+\d{1,2}(?:,\s*\d{4})?))?` +
    String.raw`\s*(?:\(([\p{L}.&' -]{2,40})\))?\s*(?:--|—|–|_|-|:)\s*`,
  'u',
);

/** The dateline the paragraph opens with, and the paragraph without it; null when it opens with none. */
export function splitDateline(paragraph: string): { dateline: Dateline; rest: string } | null {
  const m = DATELINE.exec(paragraph);
  // An upper-case place alone is a heading's look-alike: a dateline has an agency, a date, or a place and a region.
  if (!m || (!m[2] && !m[3] && !/,/.test(m[1]!))) return null;
  return { dateline: { place: m[1]!.trim(), date: m[2] ?? null, agency: m[3]?.trim() ?? null }, rest: paragraph.slice(m[0].length) };
}
