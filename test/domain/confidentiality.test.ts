import { describe, expect, it } from "vitest";
import {
  type ConfidentialityFinding,
  type ConfidentialityKind,
  checkFreeText,
  checkLink,
  findPersonalData,
  findPersonalDataInLink,
} from "../../src/domain/confidentiality.js";
import { confidentialityError } from "../../src/slack/views/confidentiality-words.js";

/** The guard's refusal of a field as the view words it (the domain reports findings). */
const worded = (findings: ConfidentialityFinding[] | null, locale: "fr" | "en") =>
  findings && confidentialityError(findings, locale);

type Row = [text: string, kinds: ConfidentialityKind[]];

// Texts as users would type them in a progress comment, a next step, a decision…
const POSITIVES_FR: Row[] = [
  ["Rappeler la mère au 06 12 34 56 78 avant vendredi", ["PHONE"]],
  ["Coordonnées : 06.12.34.56.78", ["PHONE"]],
  ["Joignable au 0612345678", ["PHONE"]],
  ["Portable : +33 6 12 34 56 78", ["PHONE"]],
  ["Portable : +33612345678", ["PHONE"]],
  ["Écrire à jean.dupont@gmail.com pour le suivi", ["EMAIL"]],
  ["Contact famille : kevin.d@hotmail.fr", ["EMAIL"]],
  ["Jeune né le 12/03/2008, suivi par l'éducateur", ["BIRTH_DATE"]],
  ["Née le 3 mars 2007 à Chambéry", ["BIRTH_DATE"]],
  ["nee le 12/03/2008 (saisie sans accents)", ["BIRTH_DATE"]],
  ["Date de naissance : 12/03/2008", ["BIRTH_DATE"]],
  ["Le jeune, âgé de 16 ans, sera reçu par la PJJ", ["AGE"]],
  ["Kevin, 16 ans, a été reçu par le médiateur", ["AGE"]],
  ["Visite au 12 rue des Lilas la semaine prochaine", ["ADDRESS"]],
  ["Famille relogée 3 bis avenue Foch", ["ADDRESS"]],
  ["Troubles signalés au 5, chemin des Vignes", ["ADDRESS"]],
  ["Médiation prévue 2 place Saint-Léger", ["ADDRESS"]],
  ["Suite donnée au PV 2026/00123", ["CASE_NUMBER"]],
  ["Voir n° parquet 26.123.456", ["CASE_NUMBER"]],
  ["Décision attendue sur le RG 21/01234", ["CASE_NUMBER"]],
  ["Classement de la procédure n° 2026-000123", ["CASE_NUMBER"]],
  ["Point sur l'affaire n° 12 en GLTD", ["CASE_NUMBER"]],
  ["Le mineur a été reçu avec sa famille", ["INDIVIDUAL"]],
  ["Orientation de la mineure vers la maison des adolescents", ["INDIVIDUAL"]],
  ["Audition d'un mineur de 15 ans", ["AGE", "INDIVIDUAL"]],
  ["Le mis en cause a été convoqué", ["INDIVIDUAL"]],
  ["Accompagnement de la victime jusqu'au procès", ["INDIVIDUAL"]],
  ["Il a fait l'objet d'un signalement à l'ASE", ["INDIVIDUAL"]],
  ["Signalement concernant Kevin transmis au parquet", ["INDIVIDUAL", "NAMED_PERSON"]],
  ["Signalement de M. X transmis", ["INDIVIDUAL", "NAMED_PERSON"]],
  ["Rencontre avec M. Dupont et Mme Martin", ["NAMED_PERSON"]],
  ["Madame Martin a été relogée", ["NAMED_PERSON"]],
  ["Le prévenu sera jugé en comparution immédiate", ["INDIVIDUAL"]],
  ["L'auteur présumé est connu des services", ["INDIVIDUAL"]],
  ["Fin de la garde à vue de Kevin", ["INDIVIDUAL", "NAMED_PERSON"]],
  ["L'enfant a été placé en foyer", ["INDIVIDUAL"]],
  ["Un suspect a été interpellé", ["INDIVIDUAL"]],
  ["Mme Martin (06 12 34 56 78), née le 2 mai 1980", ["NAMED_PERSON", "PHONE", "BIRTH_DATE"]],
];

const POSITIVES_EN: Row[] = [
  ["Call back on +44 20 7946 0958", ["PHONE"]],
  ["US liaison: +1 (415) 555-0100", ["PHONE"]],
  ["Send the file to john.smith@yahoo.co.uk", ["EMAIL"]],
  ["DOB 12/03/2008, seen by the team", ["BIRTH_DATE"]],
  ["The boy was born on 3 March 2008", ["BIRTH_DATE"]],
  ["Date of birth to be checked", ["BIRTH_DATE"]],
  ["Youth worker met the boy, aged 16.", ["AGE"]],
  ["A 16-year-old was stopped near the station", ["AGE"]],
  ["Visit planned at 221B Baker Street", ["ADDRESS"]],
  ["Noise complaints at 10 Downing Street", ["ADDRESS"]],
  ["Follow-up on case number 123-456", ["CASE_NUMBER"]],
  ["Crime reference number 12/345/26 closed", ["CASE_NUMBER"]],
  ["The juvenile was placed with relatives", ["INDIVIDUAL"]],
  ["The minor's family was contacted", ["INDIVIDUAL"]],
  ["The victim asked for protection", ["INDIVIDUAL"]],
  ["The suspect was released on bail", ["INDIVIDUAL"]],
  ["Hearing of the accused postponed", ["INDIVIDUAL"]],
  ["Meeting with Mr Smith and Mrs Brown", ["NAMED_PERSON"]],
];

const NEGATIVES_FR: Row[] = [
  ["Taux de réalisation : 60 %", []],
  ["Financement de 60\u202f000 € accordé par l'État", []],
  ["Objectif 2026 atteint, 3 fois plus qu'en 2025", []],
  ["Réunion du 12/03/2026 reportée au 19/03/2026", []],
  ["Voir ETAT-08 et PARQUET-01 pour le détail", []],
  ["10 postes créés, +30 % de policiers sur le terrain", []],
  ["Temps moyen d'intervention : -15 minutes", []],
  ["Compte rendu sur https://www.chambery.fr/actualites/0612345678/12-rue-des-lilas", []],
  ["Suivi renforcé des mineurs exposés aux risques de délinquance", []],
  ["Nombre de mineurs suivis : 12 ; les mineurs non accompagnés relèvent du Département", []],
  ["Poste de police commun dans le quartier des Hauts-de-Chambéry", []],
  ["Rassemblement sur la place du Palais de Justice", []],
  ["Renforcement de l'aide aux victimes et de l'accueil des victimes", []],
  ["Réponse rapide à toute infraction mineure", []],
  ["Remise en cause du calendrier par le prestataire", []],
  ["Nombre de mis en cause : 14", []],
  ["Une place en foyer supplémentaire ouverte", []],
  ["Écrire à clspd@chambery.fr ou à pref-cabinet@savoie.gouv.fr", []],
  ["Formulaire via contact@association-mediation.org", []],
  ["Réunion avec M. le Préfet et Madame la Procureure", []],
  ["Nous avons prévenu le maire de l'avancement", []],
  ["Durée moyenne des gardes à vue de mineurs ; une garde à vue de 24 heures", []],
  ["Jeunes âgés de 12 à 16 ans accueillis en atelier", []],
  ["Le maire ne le sait pas encore", []],
  ["Nombre de signalements traités : 12 ; signalement concernant le stationnement", []],
  ["Délibération n° 2026-045 ; dossier FIPD n° 2026-12 déposé", []],
  ["PV de la réunion du 12/03/2026 diffusé ; procédure 2026-2027 de financement", []],
  ["Un colis suspect a retardé l'opération", []],
  ["En 2026 rue de Boigne : travaux de vidéoprotection", []],
];

const NEGATIVES_EN: Row[] = [
  ["Budget up 15% to €60,000 in 2026", []],
  ["Juvenile justice workshop held with the youth team", []],
  ["Victim support services expanded; the victim support team is staffed", []],
  ["Young people aged 16 to 25 and those aged 18 and over", []],
  ["A minor delay in recruitment, minor works at the station", []],
  ["A suspect package was reported near the station", []],
  ["Meeting with Mr Mayor on 12/03/2026", []],
  ["See https://www.gov.uk/guidance/0612345678 for the method", []],
  ["Response time down 15 minutes, +30 % officers, 85% satisfaction", []],
  ["The suspects and the victims were counted in the quarterly figures", []],
];

const TABLE: Row[] = [...POSITIVES_FR, ...POSITIVES_EN, ...NEGATIVES_FR, ...NEGATIVES_EN];

function kindsOf(findings: ConfidentialityFinding[]): ConfidentialityKind[] {
  return [...new Set(findings.map((f) => f.kind))].sort();
}

describe("findPersonalData", () => {
  it("has a table large enough to mean something", () => {
    const positives = TABLE.filter(([, k]) => k.length > 0).length;
    expect(positives).toBeGreaterThanOrEqual(35);
    expect(TABLE.length - positives).toBeGreaterThanOrEqual(25);
    expect(POSITIVES_EN.length + NEGATIVES_EN.length).toBeGreaterThanOrEqual(15);
  });

  it.each(TABLE)("%j → %j", (text, expected) => {
    const findings = findPersonalData(text);
    expect(kindsOf(findings)).toEqual([...expected].sort());
    // Excerpts must point at the original text so that a UI can highlight them.
    for (const f of findings) {
      expect(f.excerpt.length).toBeGreaterThan(0);
      expect(text.slice(f.index, f.index + f.excerpt.length)).toBe(f.excerpt);
    }
  });

  it("returns findings in reading order with useful excerpts", () => {
    const findings = findPersonalData("Mme Martin, née le 2 mai 1980, joignable au 06 12 34 56 78.");
    expect(findings.map((f) => f.kind)).toEqual(["NAMED_PERSON", "BIRTH_DATE", "PHONE"]);
    expect(findings.map((f) => f.excerpt)).toEqual(["Mme Martin", "née le 2 mai 1980", "06 12 34 56 78"]);
    expect(findings.map((f) => f.index)).toEqual([0, 12, 44]);
  });

  it("is accent- and case-insensitive on keywords", () => {
    expect(kindsOf(findPersonalData("LA VICTIME A ÉTÉ REÇUE"))).toEqual(["INDIVIDUAL"]);
    expect(kindsOf(findPersonalData("le prevenu sera juge"))).toEqual(["INDIVIDUAL"]);
    expect(kindsOf(findPersonalData("DATE DE NAISSANCE"))).toEqual(["BIRTH_DATE"]);
  });

  it("reads typographic apostrophes and no-break spaces like plain ones", () => {
    expect(kindsOf(findPersonalData("Il a fait l\u2019objet d\u2019un signalement"))).toEqual(["INDIVIDUAL"]);
    expect(kindsOf(findPersonalData("Tél.\u00a0: 06\u00a012\u00a034\u00a056\u00a078"))).toEqual(["PHONE"]);
  });

  it("reports each occurrence once, even when two rules see it", () => {
    const findings = findPersonalData("née le 12/03/2008 ; né le 1er avril 2009");
    expect(findings.map((f) => f.kind)).toEqual(["BIRTH_DATE", "BIRTH_DATE"]);
  });

  it("lets the email allowlists be extended without losing the defaults", () => {
    const text = "Écrire à jeanne.durand@savoie.fr, mediation@asso.org et clspd@chambery.fr";
    expect(findPersonalData(text).map((f) => f.excerpt)).toEqual(["jeanne.durand@savoie.fr", "mediation@asso.org"]);
    const extended = findPersonalData(text, {
      allowedEmailDomains: ["savoie.fr"],
      allowedEmailLocalParts: ["Mediation"],
    });
    expect(extended).toEqual([]);
    // A subdomain of an allowed domain is institutional too, a look-alike is not.
    expect(findPersonalData("x.y@cabinet.savoie.fr", { allowedEmailDomains: ["savoie.fr"] })).toEqual([]);
    expect(findPersonalData("x.y@fakesavoie.fr", { allowedEmailDomains: ["savoie.fr"] })).toHaveLength(1);
  });

  it("handles empty and blank text", () => {
    expect(findPersonalData("")).toEqual([]);
    expect(findPersonalData("   \n\t ")).toEqual([]);
  });

  // Speed is measured by bench/guard-bench.ts, not asserted here (a wall-clock bound fails on a loaded machine);
  // catastrophic backtracking would still show as this test running past vitest's limit.
  it("handles 20 000 characters of ordinary text", () => {
    const para =
      "Point d'étape du 12/03/2026 : 10 postes créés, +30 % de policiers, financement de 60 000 € (ETAT-08). Voir https://www.chambery.fr/actualites. ";
    const text = para.repeat(Math.ceil(20_000 / para.length)).slice(0, 20_000);
    expect(findPersonalData(text)).toEqual([]);
  });

  it("handles 20 000 characters of adversarial text and still finds a needle", () => {
    const fillers = ["1234567890", "0", "+1 ", "a.", "a@", "M. ", "12 rue ", "l'", "é", "1.", "PV 1/"];
    for (const filler of fillers) {
      const text = `${filler.repeat(Math.ceil(20_000 / filler.length)).slice(0, 20_000)}\n\nAppeler le 06 12 34 56 78.`;
      expect(
        findPersonalData(text).map((f) => f.kind),
        filler,
      ).toContain("PHONE");
    }
    const haystack = `${"Suivi des engagements. ".repeat(900)}Appeler le 06 12 34 56 78.`;
    expect(findPersonalData(haystack).map((f) => f.kind)).toEqual(["PHONE"]);
  });
});

describe("confidentialityError", () => {
  const phone = findPersonalData("Appeler le 06 12 34 56 78");

  it("returns null when nothing was found", () => {
    expect(confidentialityError([], "fr")).toBeNull();
    expect(confidentialityError([], "en")).toBeNull();
  });

  it("explains in French, politely, with a short excerpt", () => {
    expect(confidentialityError(phone, "fr")).toBe(
      "Donnée personnelle détectée (téléphone «\u00a006 12…\u00a0»). Les cas individuels relèvent des canaux confidentiels du GLTD/CLSPD\u00a0: veuillez la retirer.",
    );
  });

  it("explains in English", () => {
    expect(confidentialityError(phone, "en")).toBe(
      "Personal data detected (phone number “06 12…”). Individual cases belong in the GLTD/CLSPD's confidential channels: please remove it.",
    );
  });

  it("quotes a wording that designates someone instead of labelling it", () => {
    const message = confidentialityError(findPersonalData("Le mineur a été reçu"), "fr");
    expect(message).toBe(
      "Donnée personnelle détectée («\u00a0Le mineur\u00a0»). Les cas individuels relèvent des canaux confidentiels du GLTD/CLSPD\u00a0: veuillez la retirer.",
    );
  });

  it("never repeats a whole identifying datum", () => {
    const email = findPersonalData("jean.dupont@gmail.com");
    const message = confidentialityError(email, "fr") ?? "";
    expect(message).toContain("courriel");
    expect(message).not.toContain("jean.dupont@gmail.com");
  });

  it("names several kinds and uses the plural", () => {
    const findings = findPersonalData("M. Dupont, 06 12 34 56 78");
    expect(confidentialityError(findings, "fr")).toMatch(
      /^Données personnelles détectées \(nom.*, téléphone\)\..*veuillez les retirer\.$/u,
    );
    expect(confidentialityError(findings, "en")).toMatch(
      /^Personal data detected \(name.*, phone number\)\..*please remove them\.$/u,
    );
  });

  it("stays under 150 characters whatever is found, in both locales", () => {
    const all = findPersonalData(
      "M. Dupont, 06 12 34 56 78, jean.dupont@gmail.com, né le 12/03/2008, âgé de 16 ans, 12 rue des Lilas, PV 2026/00123, le mineur",
    );
    expect(kindsOf(all)).toHaveLength(8);
    for (const locale of ["fr", "en"] as const) {
      const message = confidentialityError(all, locale) ?? "";
      expect(message.length, message).toBeLessThanOrEqual(150);
      expect(message).toContain("GLTD/CLSPD");
      expect(message).toContain("etc.");
    }
    for (const f of [...all, ...findPersonalData("un mineur de 15 ans")]) {
      for (const locale of ["fr", "en"] as const) {
        expect((confidentialityError([f], locale) ?? "").length).toBeLessThanOrEqual(150);
      }
    }
  });

  it("shortens a long excerpt to keep the message short", () => {
    const long: ConfidentialityFinding = { kind: "INDIVIDUAL", excerpt: "x".repeat(200), index: 0 };
    const message = confidentialityError([long], "fr") ?? "";
    expect(message.length).toBeLessThanOrEqual(150);
    expect(message).toContain("…");
  });
});

describe("checkFreeText", () => {
  it("gives the field's refusal, or null for text that may be stored or no text at all", () => {
    expect(worded(checkFreeText("Léo, 13 ans, reçu au CCAS"), "fr")).toBe(
      confidentialityError(findPersonalData("Léo, 13 ans, reçu au CCAS"), "fr"),
    );
    expect(worded(checkFreeText("Léo, 13 ans, reçu au CCAS"), "en")).toMatch(/^Personal data detected/u);
    expect(checkFreeText("42 mineurs mis en cause en 2025")).toBeNull();
    expect(checkFreeText("")).toBeNull();
    expect(checkFreeText(null)).toBeNull();
    expect(checkFreeText(undefined)).toBeNull();
    expect(checkFreeText("x.y@asso.org", { allowedEmailDomains: ["asso.org"] })).toBeNull();
  });
});

describe("findPersonalDataInLink", () => {
  it("reads a link's path, query and fragment as words, and mailto: and tel: addresses", () => {
    const kinds = (link: string) => findPersonalDataInLink(link).map((f) => f.kind);
    expect(kinds("https://drive.example.fr/dossiers/PV_Kevin_Durand_12-04-2009.pdf")).toEqual(["BIRTH_DATE"]);
    expect(kinds("https://form.example.org/?nom=Durand&prenom=Kevin&ddn=2009-04-12")).toEqual(["BIRTH_DATE"]);
    expect(kinds("https://form.example.org/?q=Kevin+Durand+12/04/2009")).toEqual(["BIRTH_DATE"]);
    expect(kinds("mailto:kevin.durand@gmail.com")).toEqual(["EMAIL"]);
    expect(kinds("tel:+33612345678")).toEqual(["PHONE"]);
  });

  it("lets public pages and documents' own identifiers through", () => {
    for (const link of [
      "https://www.chambery.fr/actualites/2026/03/poste-de-police",
      "https://docs.google.com/document/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789/edit",
      "https://www.savoie.gouv.fr/Actions-de-l-Etat/Securite/CLSPD-compte-rendu-12-03-2026.pdf",
      "https://cloud.example.fr/s/AB-123-CD",
      "not a link",
    ])
      expect(findPersonalDataInLink(link), link).toEqual([]);
    expect(checkLink("https://www.chambery.fr/bilan-2025.pdf")).toBeNull();
    expect(worded(checkLink("https://x.fr/Kevin_Durand_12-04-2009.pdf"), "fr")).toContain("date de naissance");
  });
});
