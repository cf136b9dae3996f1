// ---------------------------------------------------------------------------------------------
// Generic wording: « la victime » or « le mineur » in a training, a protocol or a guide speaks of
// anyone in that role, not of someone. « Formation des agents sur l'accueil de la victime et du
// mineur », « fiche réflexe : que faire si un mineur se présente seul ».

import { E } from "./rule-kit.js";
import type { Views } from "./text-views.js";
import type { ConfidentialityKind } from "./types.js";

// Texts about how a role is handled, not about a case.
const FRAME = new RegExp(
  String.raw`(?<![\p{L}])(?:formations?|formee?s?|former|formateurs?|sensibilis\p{L}*|protocoles?|guides?|chartes?|fiches?\s+reflexes?|fiches?\s+pratiques?|modules?|referentiels?|doctrine|kits?|plaquettes?|affiches?|campagnes?|webinaires?|conferences?|colloques?|seminaires?|journees?\s+(?:d'etude|de\s+formation|d'information)|procedures?\s+(?:d'accueil|types?)|circuits?|cahiers?\s+des\s+charges|recommandations?|bonnes\s+pratiques|methodologie|tutoriels?|memento|vademecum|dispositifs?\s+d'accueil|public\s+cible|moyen(?:ne)?s?|taux|pourcentages?|statistiques?|indicateurs?|droits?\s+(?:de\s+la\s+victime|du\s+mineur|de\s+l'enfant))${E}`,
  "iu",
);

// A role said in general: « si un mineur », « tout mineur », « chaque victime », « lorsque la victime ».
const GENERAL_BEFORE =
  /(?:^|[^\p{L}])(?:si|s'il|lorsqu'|lorsque|quand|tout|toute|chaque|aucun|aucune|n'importe\s+quel(?:le)?)\s*$/iu;

// Findings that are a role word only (no name, no number): those a generic text may contain.
const ROLE_ONLY =
  /^(?:(?:le|la|l'|un|une|ce|cette|du|au|son|sa|ledit|ladite|leur|notre|votre)\s*)?(?:mineure?|victime|prevenue?|suspecte?|mise?\s+en\s+(?:cause|examen)|auteure?\s+presumee?|presumee?\s+auteure?|l'auteure?\s+des\s+faits|l'interessee?|jeune|enfant|adolescente?|ado|eleve|collegien(?:ne)?|lyceen(?:ne)?|fille|garcon|fillette|interessee?|patiente?)$/iu;

/** Whether the finding of `kind` at [index, end) is a role named in general, not a person. */
export function genericWording(v: Views, kind: ConfidentialityKind, index: number, end: number): boolean {
  const words = v.folded.slice(index, end).trim();
  // « un mineur de 13 ans ne peut être placé en garde à vue », in a training: the law, not a case.
  if (kind === "AGE") return /^(?:un|une)\s/iu.test(words) && FRAME.test(v.folded);
  if (kind !== "INDIVIDUAL" && kind !== "HEALTH") return false;
  // A role, or what happens to one (« placé en garde à vue »), but no name (no capital) nor number.
  const typed = v.orig.slice(index, end).trim();
  if (!ROLE_ONLY.test(words) && (kind === "HEALTH" || /\p{N}|.\p{Lu}/u.test(typed))) return false;
  if (GENERAL_BEFORE.test(v.folded.slice(Math.max(0, index - 30), index))) return true;
  return FRAME.test(v.folded);
}
