// ---------------------------------------------------------------------------------------------
// Links: a link's host is a public site, but what follows it may name a person — a file
// « PV_Kevin_Durand_12-04-2009.pdf », a form's query « ?nom=Durand&ddn=2009-04-12 », a
// « mailto: » or « tel: » link. The guard reads that part as words.

/** The part of a link that may carry personal data, written as words; null when it has none. */
export function linkAsWords(link: string): string | null {
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    return null; // not a link: the caller's other checks say so
  }
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  };
  if (url.protocol === "mailto:" || url.protocol === "tel:") return decode(url.pathname);
  // In a query « + » is a space (« ?q=Kevin+Durand »).
  const path = decode(url.pathname).replace(/[/_]+/gu, " ");
  const query = decode(url.search.replace(/\+/gu, " ")).replace(/[?&=_]+/gu, " ");
  const fragment = decode(url.hash).replace(/[#_]+/gu, " ");
  return `${path} ${query} ${fragment}`.trim() || null;
}
