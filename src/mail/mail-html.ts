// What every Vigie e-mail shares: HTML escaping, the page around a body, the closing lines in French.

/** Escapes what HTML would read as markup (names, titles, places typed by people). */
export const html = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export const CLOSING =
  "Ce message est envoyé par Vigie, l'outil de suivi du contrat. Pour ne plus le recevoir, adressez-vous au coordonnateur du CSI.";

/** A complete French HTML document around `body`, with the closing line. */
export const htmlPage = (body: string): string =>
  `<!doctype html><html lang="fr"><body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#1a1a1a">${body}
<p style="color:#666666;font-size:small">${html(CLOSING)}</p></body></html>`;
