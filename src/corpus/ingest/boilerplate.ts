// What is never quotable: the aggregator's interface, outlets' donation and
// subscription appeals, republication notes and tag lines. Patterns describe
// the kind of text, not one page's wording.

/** Whole lines of aggregator interface text. */
const INTERFACE_LINES = [
  /^hashtags$/i,
  /^try our ai features$/i,
  /^explore what .{1,40} can do for you:?$/i,
  /^comments?$/i,
  /^no comments yet\.*$/i,
  /^(be the first to comment|leave a comment|add a comment|log in to comment)(?: on this (?:article|story|post))?\.*$/i,
  // The other half of a skip link: "skip past newsletter promotion" … "after newsletter promotion".
  /^after newsletter promotion$/i,
  /^related (articles|stories|news)$/i,
  /^(share|share this|share this article|advertisement|read more|show more|load more|see more|subscribe|sign in|log in|follow)$/i,
  // A screen reader's skip link: "skip past newsletter promotion", "Skip to main content".
  /^skip (?:to|past|over) [\w\s]{2,40}$/i,
  // A player's, a gallery's or a rail's controls and labels, standing as a line of their own.
  /^(?:image|caption|close|duration|advert|highlights|read next|up next|watch now)$/i,
  /^(?:don['’]?t miss|more about|most read|listen to this article)$/i,
  /^have a (?:news )?tip\??$/i,
  // A gallery's counter: "Image 1 of / 13", "3 of 12", "of 6".
  /^(?:(?:image|photo|picture|slide)\s+)?(?:\d+\s+)?of\s*\/?\s*\d+$/i,
  // A picture agency's name alone, the credit of a picture that is not there.
  /^(?:getty(?: images)?|reuters|afp|epa|shutterstock|alamy)$/i,
  // Where a short item came from, alone on its line: "SOURCE: News agencies", "Source: Reuters".
  /^sources?\s*:\s*[\p{L}][\p{L} ,&./-]{1,40}$/iu,
];

export function isInterfaceLine(line: string): boolean {
  const s = line.trim();
  return INTERFACE_LINES.some((re) => re.test(s));
}

/** "Reading time: 3 minutes" as pages print it, in English and in the other languages they most often use. */
const READING_TIME = ['reading time', 'read time', 'tempo de leitura', 'tiempo de lectura', 'temps de lecture', 'lesezeit'].join('|');

/** Sentences that appeal, advertise or describe republication rather than report. */
const BOILERPLATE_SENTENCES = [
  /\bis an? (reader|member|listener)[- ](supported|funded)\b/i,
  /\bplease (support|donate|subscribe|consider)\b/i,
  /\bhelp us (reach|meet|hit) our goal\b/i,
  /\bdonate (by|now|today|here|to)\b/i,
  /^we are (nearly|almost) there\b/i,
  /\bsupport (our|independent|quality) (journalism|reporting|work)\b/i,
  /\b(subscribe|sign up) (to|for|now|today)\b.*\b(newsletters?|updates|inbox|subscriptions?)\b/i,
  /\b(?:right )?(?:in|to|into) your inbox\b/i,
  /\bbecome a (member|patron|subscriber|supporter)\b/i,
  /\bthis (article|story|piece|text) (was|is|has been) (first|originally)? ?(published|republished|reprinted)\b/i,
  // "This article first appeared in …", "A version of this story appeared in the print edition", "Originally published on …".
  /\b(this|a version of this) (article|story|piece|text|commentary|analysis|interview|op-ed|essay) (first |originally )?(appeared|ran)\b/i,
  /^(originally|first) (published|posted|appeared)\b/i,
  // Appeals in other wordings: "We rely on readers like you", "made possible by readers like you", "Help us keep this reporting free".
  /\breaders like you\b/i,
  /\bhelp us (keep|continue|sustain|fund)\b.*\b(reporting|journalism|work|coverage)\b/i,
  /\b(support|back|fund) (us|[\p{Lu}][\p{L}&.-]*(?: [\p{Lu}][\p{L}&.-]*){0,3}) on (patreon|substack|ko-fi|buy me a coffee)\b/iu,
  /\b(republished|reprinted) (from|with (the )?permission|under a creative commons)\b/i,
  // Disclaimers, in their usual wordings: "... are the author's, and do not represent those of X".
  /\b(views|opinions) expressed\b.*\b(do|does) not (necessarily )?(reflect|represent)\b/i,
  /\b(views|opinions) expressed\b.*\bare (those of )?the author['’]?s?\b/i,
  // Pitches and calls for contributions.
  /^have an idea for an? \w+/i,
  /\bsend (us )?(a|your) (short )?(pitch|proposal|submission)\b/i,
  /\bguidelines for (contributors|submissions)\b/i,
  /^(sign up|subscribe) (for|to) (our|the)\b/i,
  /^(©|\(c\)|copyright\b)/i,
  /\ball rights reserved\b/i,
  /^(read more|read also|see also|related):/i,
  /^\(?additional reporting from\b/i,
  // A newsroom's closing invitations: "Get in touch with our news team by emailing …", "For more stories like this, check …".
  /^get in touch with (?:our|the) (?:news|editorial) (?:team|desk)\b/i,
  /^for more (?:stories|news|articles) like this\b/i,
  /\bfollow us (?:on|at)\b/i,
  // Notes on the page itself: affiliate links, what a slideshow needs to run, a copyright notice inside a sentence.
  /\b(?:contains|uses|includes) affiliate links\b|\bwe may earn (?:a|an affiliate) commission\b/i,
  // A shopping page's disclosure: "The products or services listed have been selected independently by journalists …".
  /\b(?:products|services|items|deals)\b.{0,40}\b(?:selected|chosen|picked) independently\b/i,
  // A newsroom asking for tips: "Do you have a story to tell?", "Got a story?", and the address that follows alone.
  /^(?:do you have|have you got|got) a (?:story|tip|news tip)(?: (?:to (?:tell|share)|for us))?\s*\?$/i,
  /^e-?mail(?: us)?\s*:\s*\S+@\S+\.\w+$/i,
  // "If you have a story idea, send news tips in English or Arabic to name@example.org."
  /\b(?:news tips?|story ideas?)\b.*\S@\S+\.\w+/i,
  // A house's appeal in its own voice: "We appreciate that not everyone can afford to pay for our services but …, we
  // ask you to support …", "Our website is the place for the latest breaking news …".
  /\b(?:we|i) ask you to support\b|\bafford to pay for our\b/i,
  /^our (?:web)?site is\b/i,
  // An issue offered to the reader's door: "Get Motor Cycle Monthly delivered through your letterbox every month."
  /\bdelivered (?:to|through|straight to) your (?:door|doorstep|letterbox|letter box|mailbox)\b/i,
  /\b(?:requires|enable|turn on) javascript\b/i,
  /©\s*(?:19|20)\d\d\b/,
  // How to reach the writer or the office: "Anna Petrova may be reached at apetrova@example.org", "… | 202-555-0100 tel".
  /\b(?:may|can) be (?:reached|contacted|emailed) (?:at|on|via|by)\b.*(?:\S@\S|@\w|\d{3}[\s.-]?\d{4})/i,
  /\b\d{3}[\s.-]\d{3}[\s.-]\d{4}\s*(?:tel|fax|phone)\b|\b(?:tel|fax|phone)\s*[.:]\s*\+?\d[\d\s().-]{6,}/i,
  /\bclick (here|on the button)\b/i,
  // A house's invitations to its own products: "Join our forums …", "Subscribe to Nature Briefing: …", "… by signing up
  // to our free weekly newsletter", "If you enjoyed this article, …", "Follow AP's full coverage of … at …".
  /^join (?:our|us)\b/i,
  /^subscribe to\b/i,
  /\b(?:sign(?:ing)? up|subscrib(?:e|ing)|register(?:ing)?) (?:to|for) (?:our|the) (?:free )?(?:daily |weekly |monthly )?newsletters?\b/i,
  /^if you (?:enjoyed|liked|value|appreciate)d? (?:this|our) (?:article|story|piece|reporting|journalism)\b/i,
  /^follow .{1,60}\b(?:full |complete |live )?coverage (?:of|at)\b/i,
  /^follow (?:him|her|them|me|us) on (?:twitter|x|facebook|instagram|threads|bluesky|mastodon|linkedin)\b/i,
  /^(?:you (?:may|might) also (?:like|enjoy)|recommended for you)\b/i,
  /^welcome to\b.{1,60}\byour (?:source|home|destination|guide|go-to) for\b/i,
  // Notes on the page: "This post may contain affiliate and/or referral links.", "Please see my disclosure page.",
  // "(Image credit: …)", "Filed under: …", "Reading time: 3 minutes" (and its usual wordings in other languages).
  /\baffiliate (?:and\/or |or |and )?(?:referral )?links?\b/i,
  /\b(?:see|read) (?:my|our) (?:full )?disclosure\b/i,
  /^\(?(?:image|photo|picture|video) credits?\s*:/i,
  /^filed under\s*:/i,
  new RegExp(`^(?:${READING_TIME})\\s*:?\\s*\\d+\\s*(?:min|minutes?|minutos?|minuten)\\b`, 'i'),
  /^\d+\s*min(?:ute)?s? read$/i,
];

/** The words a wire credit is made of besides names: "Reporting by A in Baku; additional reporting by B; Editing by C". */
const CREDIT_WORDS = new Set([
  ...['reporting', 'reports', 'files', 'writing', 'editing', 'compiled', 'research', 'production', 'additional'],
  ...['by', 'and', 'in', 'from', 'with', 'for', 'the', 'staff', 'desk', 'contributed', 'to'],
]);

/**
 * A wire credit: it opens with "Reporting by", "Editing by", "With files from" or the like, and the rest is names and
 * places. A sentence that opens the same way and goes on to say something ("Research by Xin Xu … recently estimated
 * that …", "With reports from the front scarce, …") is reporting.
 */
function isWireCredit(sentence: string): boolean {
  const opens =
    /^\(?(?:additional )?(?:reporting|writing|editing|compiled|research|production) by\b/i.test(sentence) ||
    /^\(?with (?:files|reports|reporting|additional reporting) from\b/i.test(sentence);
  if (!opens) return false;
  return sentence
    .split(/[\s,;()]+/)
    .filter((w) => /^\p{Ll}/u.test(w))
    .every((w) => CREDIT_WORDS.has(w.replace(/[.:]$/, '').toLowerCase()));
}

export function isBoilerplateSentence(sentence: string): boolean {
  return isWireCredit(sentence) || BOILERPLATE_SENTENCES.some((re) => re.test(sentence));
}

/** The outlet named by an appeal or disclaimer ("New Eastern Europe is a reader supported publication"). */
export function outletNamedByAppeal(sentence: string): string | null {
  const m =
    /^(.{3,60}?) is an? (?:reader|member|listener)[- ](?:supported|funded)\b/i.exec(sentence) ??
    /\bdo not necessarily reflect the (?:position|views?|opinion) of (.{3,60}?)\.?$/i.exec(sentence) ??
    /\bdo not (?:necessarily )?represent (?:those|the views) of (?:the )?(.{2,60}?)(?: or any other institution)?\.?$/i.exec(sentence) ??
    COPYRIGHT_HOLDER.exec(sentence);
  return m ? m[1]!.trim() : null;
}

/** "© 2025 Example Media Ltd. All rights reserved.", "Copyright Example Weekly 2024.": the holder, without year or company form. */
const COPYRIGHT_HOLDER = new RegExp(
  String.raw`^(?:©|\([cC]\)|[cC]opyright\b|COPYRIGHT\b)\s*(?:©\s*)?(?:\d{4}(?:\s*[–-]\s*\d{4})?,?\s+)?(?:by\s+)?` +
    String.raw`(\p{Lu}[\p{L}\p{N}&'’.-]*(?:\s+(?:of\s+|for\s+|the\s+|&\s+)?\p{Lu}[\p{L}\p{N}&'’.-]*){0,5}?)` +
    String.raw`(?:,?\s+(?:Ltd|LLC|Inc|GmbH|Limited|plc|Co)\.?)?(?:,?\s+\d{4})?\.?(?:\s+[Aa]ll [Rr]ights [Rr]eserved\.?)?$`,
  'u',
);

/**
 * A tag line: a list of short topics separated by commas with no sentence
 * punctuation, such as "Armenia, Armenian foreign policy, Azerbaijan, Iran".
 */
export function tagLineItems(segment: string): string[] | null {
  const s = segment.trim();
  if (/[.!?:;"“”]$/.test(s) || s.length > 400) return null;
  const items = s.split(/\s*,\s*/);
  if (items.length < 3) return null;
  const ok = items.every((t) => t.length > 0 && t.split(/\s+/).length <= 4 && !/[.!?;:]/.test(t));
  return ok ? items : null;
}
