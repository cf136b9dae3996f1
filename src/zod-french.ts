// zod's own messages are English and technical (« Invalid input: expected string, received number »).
// Every schema of the domain states its messages as problem codes (domain/problems.ts) that the views word;
// this is the net under the others (the configuration's and the SMTP settings' checks, read by whoever runs
// Vigie): whatever zod would say by default, a short French sentence about the field instead. Loaded by
// config.ts and mail/smtp-settings.ts; not part of the domain, which says nothing in words.
import { z } from "zod";

type Issue = z.core.$ZodRawIssue;

const bound = (v: unknown): string =>
  typeof v === "number" || typeof v === "bigint" ? new Intl.NumberFormat("fr-FR").format(v) : String(v);

/** The French sentence for a zod issue that carries no message of its own. */
export function frenchIssue(issue: Issue): string {
  switch (issue.code) {
    case "too_big":
      if (issue.origin === "string") return `Texte trop long : ${bound(issue.maximum)} caractères au plus.`;
      if (issue.origin === "array" || issue.origin === "set")
        return `${bound(issue.maximum)} élément${Number(issue.maximum) > 1 ? "s" : ""} au plus.`;
      return `Valeur trop grande : ${bound(issue.maximum)} au plus.`;
    case "too_small":
      if (issue.origin === "string")
        return Number(issue.minimum) <= 1
          ? "Ce champ est obligatoire."
          : `${bound(issue.minimum)} caractères au moins.`;
      if (issue.origin === "array" || issue.origin === "set")
        return `${bound(issue.minimum)} élément${Number(issue.minimum) > 1 ? "s" : ""} au moins.`;
      return `Valeur trop petite : ${bound(issue.minimum)} au moins.`;
    case "invalid_format":
      return "Format non reconnu : vérifiez ce champ.";
    case "invalid_value":
      return "Choisissez une valeur proposée dans la liste.";
    case "not_multiple_of":
      return "Cette valeur n'est pas acceptée.";
    default:
      return "Valeur illisible : saisissez-la de nouveau dans ce champ.";
  }
}

z.config({ customError: (issue) => frenchIssue(issue) });
