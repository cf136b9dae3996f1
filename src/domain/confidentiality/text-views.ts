// Views of the text the rules run on: typography normalised, accents folded, links masked.
// Every view keeps the length of the input so that a match index maps back to the original.

/** Two views of the text, both the same length as the input so that indices map back. */
export interface Views {
  /** Typography normalised (apostrophes, spaces, dashes), accents and case kept. */
  orig: string;
  /** Same, accents stripped: for accent-insensitive keywords. */
  folded: string;
}

function normaliseChar(ch: string): string {
  switch (ch) {
    case "\u2018":
    case "\u2019":
    case "\u02bc":
      return "'";
    case "\u00a0":
    case "\u202f":
    case "\u2007":
    case "\u2009":
    case "\t":
      return " ";
    case "\u2010":
    case "\u2011":
    case "\u2012":
    case "\u2013":
    case "\u2014":
      return "-";
    case "\u00ba": // ordinal indicator, often typed for « n° »
      return "°";
    default:
      return ch;
  }
}

export function buildViews(text: string): Views {
  const orig: string[] = [];
  const folded: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = normaliseChar(text[i] ?? "");
    orig.push(ch);
    const code = ch.charCodeAt(0);
    if (code < 0x80 || (code >= 0xd800 && code <= 0xdfff)) {
      folded.push(ch);
    } else {
      // Only a single-unit base keeps the views aligned (œ, for instance, stays as it is).
      const base = ch.normalize("NFD").replace(/\p{M}+/gu, "");
      folded.push(base.length === 1 ? base : ch);
    }
  }
  const v = { orig: orig.join(""), folded: folded.join("") };
  return maskUrls(v);
}

// Links are references to public pages: digits and words in them are not about a person.
const URL_RE = /(?:https?:\/\/|www\.)[^\s<>|]+/giu;

function maskUrls(v: Views): Views {
  const blank = (s: string) => s.replace(URL_RE, (u) => " ".repeat(u.length));
  return { orig: blank(v.orig), folded: blank(v.folded) };
}
