// Views of the text the rules run on. The text is normalised first, so that nothing typed or pasted
// hides a datum from the rules: Unicode NFKC (full-width letters and digits, ligatures, composed
// accents from decomposed ones), invisible and formatting characters removed (zero-width spaces
// and joiners, soft hyphens, bidi marks, variation selectors, control characters), digits of every
// script read as ASCII digits, Cyrillic and Greek look-alike letters read as Latin ones, and
// typography unified (apostrophes, spaces, dashes). A map keeps, for every character of the
// normalised text, where it came from, so that a finding always quotes the text as typed.

/** Two views of the normalised text, of the same length, with a way back to the original. */
export interface Views {
  /** Normalised text, accents and case kept. */
  orig: string;
  /** Same, accents stripped (one character for one): for accent-insensitive keywords. */
  folded: string;
}

interface NormalisedText {
  views: Views;
  /** For each index of the views, the index in the original text where its character started. */
  from: number[];
  /** For each index of the views, the index in the original text just after its character. */
  to: number[];
}

// Removed outright: format characters (\p{Cf}: soft hyphen, zero-width space/joiners, bidi marks
// and isolates, word joiner, BOM…), controls other than line breaks and tabs, variation selectors,
// the combining grapheme joiner and the Hangul fillers some filters forget.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is what this does
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/gu;
// biome-ignore lint/suspicious/noMisleadingCharacterClass: the class holds invisible marks only, each removed on its own
const INVISIBLE_MARKS = /[\u034f\u17b4\u17b5\u180b-\u180d\u180f\ufe00-\ufe0f\u{e0100}-\u{e01ef}]/gu;
const INVISIBLE = /[\p{Cf}\u115f\u1160\u3164\uffa0]/gu;

// Cyrillic and Greek letters drawn like Latin ones: « mіneur » with a Ukrainian і reads « mineur ».
const LOOKALIKES: Record<string, string> = {
  а: "a",
  в: "b",
  е: "e",
  ё: "ë",
  к: "k",
  м: "m",
  н: "h",
  о: "o",
  р: "p",
  с: "c",
  т: "t",
  у: "y",
  х: "x",
  і: "i",
  ї: "ï",
  ј: "j",
  ѕ: "s",
  ԁ: "d",
  ԛ: "q",
  ԝ: "w",
  А: "A",
  В: "B",
  Е: "E",
  К: "K",
  М: "M",
  Н: "H",
  О: "O",
  Р: "P",
  С: "C",
  Т: "T",
  Х: "X",
  У: "Y",
  І: "I",
  Ј: "J",
  Ѕ: "S",
  α: "a",
  ο: "o",
  ν: "v",
  ρ: "p",
  τ: "t",
  υ: "u",
  ι: "i",
  κ: "k",
  Α: "A",
  Β: "B",
  Ε: "E",
  Ζ: "Z",
  Η: "H",
  Ι: "I",
  Κ: "K",
  Μ: "M",
  Ν: "N",
  Ο: "O",
  Ρ: "P",
  Τ: "T",
  Υ: "Y",
  Χ: "X",
};

// Before NFKC: characters NFKC would turn into something less useful (º → « o » loses « n° »).
function premap(ch: string): string {
  switch (ch) {
    case "\u00ba": // ordinal indicator, often typed for « n° »
    case "\u02da": // ring above, typed for « ° »
      return "°";
    case "\u2018":
    case "\u2019":
    case "\u201b":
    case "\u02bc":
    case "\u02bb":
    case "\u0060":
    case "\u00b4":
    case "\u2032":
    case "\uff07":
      return "'";
    case "\u2010":
    case "\u2011":
    case "\u2012":
    case "\u2013":
    case "\u2014":
    case "\u2015":
    case "\u2212":
    case "\ufe63":
    case "\uff0d":
      return "-";
    case "\u0153": // œ, æ: written out, so that « sœur » reads like « soeur »
      return "oe";
    case "\u0152":
      return "Oe";
    case "\u00e6":
      return "ae";
    case "\u00c6":
      return "Ae";
    case "\t":
    case "\u2028":
    case "\u2029":
      return " ";
    default:
      return ch;
  }
}

const digitCache = new Map<number, string>();

/** The ASCII digit of any decimal digit (Arabic-Indic, Devanagari, Bengali…): runs of 10 from zero. */
function asciiDigit(cp: number): string {
  let d = digitCache.get(cp);
  if (d === undefined) {
    let n = 0;
    while (n < 60 && /\p{Nd}/u.test(String.fromCodePoint(cp - n - 1))) n++;
    d = String(n % 10);
    digitCache.set(cp, d);
  }
  return d;
}

function normaliseCluster(cluster: string): string {
  const cleaned = cluster.replace(CONTROLS, "").replace(INVISIBLE_MARKS, "").replace(INVISIBLE, "");
  if (cleaned === "") return "";
  if (cleaned.length === 1 && cleaned < "\u0080") return cleaned; // ASCII: the usual case, fast
  let out = "";
  for (const ch of Array.from(cleaned, premap).join("").normalize("NFKC")) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp >= 0x80 && /\p{Nd}/u.test(ch)) out += asciiDigit(cp);
    else if (/\p{Zs}/u.test(ch)) out += " ";
    else out += LOOKALIKES[ch] ?? premap(ch);
  }
  return out;
}

const foldCache = new Map<string, string>();

function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x80 || (code >= 0xd800 && code <= 0xdfff)) return ch;
  let folded = foldCache.get(ch);
  if (folded === undefined) {
    // Only a single-unit base keeps the views aligned (œ, for instance, stays as it is).
    const base = ch.normalize("NFD").replace(/\p{M}+/gu, "");
    folded = base.length === 1 ? base : ch;
    foldCache.set(ch, folded);
  }
  return folded;
}

// Latin-1 signs that NFKC or the premap change: æ Æ ª º ´ ¨ ¯ ¸ µ ¹ ² ³ ¼ ½ ¾, the soft hyphen.
const LATIN1_TO_NORMALISE = new Set([
  0xaa, 0xba, 0xb4, 0xa8, 0xaf, 0xb8, 0xb5, 0xb9, 0xb2, 0xb3, 0xbc, 0xbd, 0xbe, 0xad,
]);

// Characters that are their own normal form and need no look at their neighbours: printable ASCII
// other than the backquote, line breaks, Latin-1 letters and signs other than the ones above.
function plain(code: number): boolean {
  if (code >= 0x20 && code < 0x7f) return code !== 0x60;
  if (code === 0x0a || code === 0x0d) return true;
  return code >= 0xa1 && code <= 0xff && !LATIN1_TO_NORMALISE.has(code);
}

// A base character with its combining marks, or marks with no base, or one invisible character.
const CLUSTER = /[^\p{M}]\p{M}*|\p{M}+/suy;
const MARK = /\p{M}/u;

export function normalise(text: string): NormalisedText {
  const orig: string[] = [];
  const folded: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    const nextCode = text.charCodeAt(i + 1);
    // Fast path: a plain character not followed by a combining mark (U+0300 and above).
    if (plain(code) && (Number.isNaN(nextCode) || nextCode < 0x300 || !MARK.test(text[i + 1] ?? ""))) {
      const ch = text[i] ?? "";
      orig.push(ch);
      folded.push(foldChar(ch));
      from.push(i);
      to.push(i + 1);
      i++;
      continue;
    }
    CLUSTER.lastIndex = i;
    const cluster = CLUSTER.exec(text)?.[0] ?? text[i] ?? "";
    const out = normaliseCluster(cluster);
    const end = i + cluster.length;
    for (let k = 0; k < out.length; k++) {
      const unit = out[k] ?? "";
      orig.push(unit);
      folded.push(foldChar(unit));
      from.push(i);
      to.push(end);
    }
    i = end;
  }
  return { views: maskUrls({ orig: orig.join(""), folded: folded.join("") }), from, to };
}

// Links are references to public pages: digits and words in them are not about a person.
const URL_RE = /(?:https?:\/\/|www\.)[^\s<>|]+/giu;

function maskUrls(v: Views): Views {
  const blank = (s: string) => s.replace(URL_RE, (u) => " ".repeat(u.length));
  return { orig: blank(v.orig), folded: blank(v.folded) };
}
