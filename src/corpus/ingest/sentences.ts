// Sentence splitting. sbd knows abbreviations (U.S., Jan., Gen., Mr., i.e.,
// "v." in case names) that Intl.Segmenter and naive regexes split on.
import sbd from 'sbd';
import { cleanArticleText } from '../../text/normalize.js';

// sbd keeps "... as possible.' Destruction in ..." together; a full stop inside a
// closing quote followed by a capital is a sentence end all the same.
const AFTER_CLOSING_QUOTE = /(?<=[.!?…]['’"”])\s+(?=['‘"“]?\p{Lu})/u;
const OPTIONS = { newline_boundaries: false, preserve_whitespace: false, sanitize: false, html_boundaries: false };

// sbd splits inside these ("https://evil.example/phish" became "https://evil" and
// "example/phish"), and a quote must be the article's text byte for byte: they
// are swapped for placeholders while sbd runs, then put back.
// An outlet named by its domain ("PanARMENIAN.Net", "Mediazona.ru", "Civil.ge") is one word too.
const UNSPLITTABLE = new RegExp(
  String.raw`\b(?:https?:\/\/|www\.)[^\s<>"“”]+[^\s<>"“”.,;:!?)\]'’]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\d+(?:[.,]\d+)+|` +
    String.raw`\b[\p{L}\d-]*\p{L}[\p{L}\d-]*\.` +
    '(?:com|net|org|info|news|media|online|io|co|tv|ru|am|az|ge|ua|ir|tr|kz|kg|uz|tj|by|md|eu|uk|de|fr)' +
    String.raw`\b(?!\.\p{L})`,
  'giu',
);
const HOLE = /\uE000(\d+)\uE001/g;

export function splitSentences(text: string): string[] {
  const clean = cleanArticleText(text);
  if (!clean) return [];
  const held: string[] = [];
  const guarded = clean.replace(UNSPLITTABLE, (m) => `\uE000${held.push(m) - 1}\uE001`);
  return joinInstitutionNames(boundaries(guarded, sbd.sentences(guarded, OPTIONS)))
    .flatMap((s) => s.split(AFTER_CLOSING_QUOTE))
    .flatMap(splitMissedEnds)
    .map((s) => s.trim().replace(HOLE, (_, n: string) => held[Number(n)]!))
    .filter((s) => s.length > 0);
}

/**
 * sbd's sentences used only as boundaries, cut from the text itself: sbd
 * sometimes drops a character (a lone leading "."), and a quote must be the
 * article's text. Whatever sbd left out stays with the sentence around it.
 */
function boundaries(text: string, found: string[]): string[] {
  const out: string[] = [];
  let at = 0;
  for (const s of found) {
    const tail = s.trim().slice(-12);
    const hit = tail ? text.indexOf(tail, at) : -1;
    if (hit < 0) continue;
    const end = hit + tail.length;
    out.push(text.slice(at, end));
    at = end;
  }
  if (at < text.length) {
    const rest = text.slice(at);
    if (out.length && !rest.trim()) out[out.length - 1] += rest;
    else out.push(rest);
  }
  return out;
}

// sbd keeps "word. Capital" together when capitalised words follow ("He left. Russian President
// Vladimir Putin said nothing.", "Officials met in Baku. The U.S. Army …"): its test for a name
// after an abbreviation. After an ordinary word (two letters or more, some lower case) that is no
// abbreviation, a full stop before a capital is a sentence end.
const MISSED_END = /(?<=(?<![\p{L}.'’-])(?=\p{L}{2})(\p{L}*\p{Ll}\p{L}*)\.)\s+(?=['‘"“(]?\p{Lu})/u;
const ABBREVIATIONS = new Set(
  [
    // titles and ranks, which a name follows
    'mr mrs ms mme mlle messrs dr prof rev hon gen gens col lt maj capt sgt cpl pvt adm brig cmdr',
    'gov govt sen rep amb pres supt insp dep min sr jr esq st mt ft blvd rd bros',
    // references, months and companies, which sbd also keeps (see its own list)
    'no nos vol fig figs ch art sec sect para pp pt ref refs ed eds approx cf al etc vs viz',
    'jan feb mar apr jun jul aug sep sept oct nov dec inc corp co ltd univ dept assn ave',
  ]
    .join(' ')
    .split(' '),
);

function splitMissedEnds(sentence: string): string[] {
  const out: string[] = [];
  let rest = sentence;
  let from = 0;
  for (;;) {
    const m = MISSED_END.exec(rest.slice(from));
    if (!m) break;
    const cut = from + m.index;
    if (ABBREVIATIONS.has(m[1]!.toLowerCase())) {
      from = cut + m[0].length;
      continue;
    }
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut).trimStart();
    from = 0;
  }
  out.push(rest);
  return out;
}

// sbd ends a sentence at an initialism before a capital ("the U.S." | "Army said …", "on U.S." |
// "Patriot air defense systems"). The initialism is the next word's modifier unless that word is
// one a new sentence starts with (a determiner, a pronoun, a conjunction: "… to the U.S. The next day").
// A lone initial after a slash or a bracket is a name's too ("© NASA/ESA/K. Retherford"): sbd knows one after a space.
const ENDS_IN_INITIALISM = /(?:(?<![\p{L}.])(?:\p{Lu}\.){2,}|(?<=[/(])\p{Lu}\.)\s*$/u;
const SENTENCE_STARTERS = new Set(
  [
    'the a an this that these those there here it its he she his her they their them we our us i you your',
    'but and or yet so for nor if as since because although though while when whenever after before until once',
    'in on at by from with without into onto over under during despite through between among against about',
    'meanwhile however still also then thus hence moreover furthermore instead otherwise yes no not never',
    'some many most all both each every few several one two three four five six seven eight nine ten',
    'what who whom whose which where why how such only even just now today yesterday tomorrow last next',
  ]
    .join(' ')
    .split(' '),
);

function joinInstitutionNames(sentences: string[]): string[] {
  const out: string[] = [];
  for (const s of sentences) {
    const prev = out.at(-1);
    const next = /^\s*(\p{L}+)/u.exec(s)?.[1];
    if (
      prev !== undefined &&
      ENDS_IN_INITIALISM.test(prev) &&
      next &&
      /^\p{Lu}/u.test(next) &&
      !SENTENCE_STARTERS.has(next.toLowerCase())
    ) {
      out[out.length - 1] = prev + s;
    } else out.push(s);
  }
  return out;
}
