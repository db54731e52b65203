// Month names, as shown ("Oct 2024") and as read back from pages ("October", "oct.").
export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** 0-11 for a month name or its first three letters, in any case; -1 for anything else. */
export function monthIndex(name: string): number {
  const three = name.slice(0, 3).toLowerCase();
  return MONTHS.findIndex((m) => m.toLowerCase() === three);
}
