// The story the local demonstration tells on day one: where each commitment stands, dated relative to the
// first start (so that some are overdue and some fall due within 30 days whatever the date), with the
// updates that brought it there and the two meetings coming up. Fictitious, and free of personal data like
// everything Vigie stores. Local mode only: the production seed (prisma/seed/) holds only the sources.
import type { MeetingKind, Status } from "../domain/types.js";

interface SampleUpdate {
  /** Days before the first start. */
  daysAgo: number;
  status: Status;
  progress: number;
  comment: string;
  nextStep?: string;
  blockers?: string;
  /** What shows the work done (a « Réalisé » asks for it). */
  evidence?: string;
  /** Indicator label → value measured. */
  indicators?: Record<string, number>;
}

interface SampleCommitmentStory {
  ref: string;
  /** Days after the first start (negative: already overdue); absent: the contract's end, as in the sources. */
  dueInDays?: number;
  updates: SampleUpdate[];
}

export const SAMPLE_STORY: SampleCommitmentStory[] = [
  {
    ref: "ETAT-01",
    dueInDays: 20,
    updates: [
      {
        daysAgo: 120,
        status: "ON_TRACK",
        progress: 30,
        comment: "Trois postes pourvus à la sortie d'école de police.",
        indicators: { "Postes de police nationale créés": 3 },
      },
      {
        daysAgo: 35,
        status: "ON_TRACK",
        progress: 60,
        comment: "Six postes pourvus ; quatre affectations annoncées pour le prochain mouvement.",
        nextStep: "Accueil des quatre derniers agents",
        indicators: { "Postes de police nationale créés": 6 },
      },
    ],
  },
  {
    ref: "ETAT-02",
    dueInDays: 12,
    updates: [
      {
        daysAgo: 60,
        status: "ON_TRACK",
        progress: 40,
        comment: "Appel à projets FIPD lancé, sept dossiers déposés par la Ville et les associations.",
        indicators: { "Financement FIPD accordé": 45000 },
      },
      {
        daysAgo: 14,
        status: "AT_RISK",
        progress: 55,
        comment: "Deux dossiers incomplets, instruction retardée.",
        blockers: "Pièces justificatives manquantes pour deux projets associatifs.",
        nextStep: "Comité des financeurs",
        indicators: { "Financement FIPD accordé": 82000 },
      },
    ],
  },
  {
    ref: "ETAT-03",
    dueInDays: -25,
    updates: [
      {
        daysAgo: 40,
        status: "LATE",
        progress: 40,
        comment: "Patrouilles renforcées le soir en centre-ville ; le plan des quartiers nord n'est pas encore arrêté.",
        blockers: "Effectifs mobilisés par les grands événements de l'automne.",
      },
    ],
  },
  {
    ref: "ETAT-04",
    updates: [
      {
        daysAgo: 50,
        status: "ON_TRACK",
        progress: 50,
        comment: "Cellule de suivi réunie chaque mois depuis la rentrée.",
      },
    ],
  },
  { ref: "ETAT-05", dueInDays: -10, updates: [] },
  {
    ref: "ETAT-06",
    updates: [
      {
        daysAgo: 21,
        status: "ON_TRACK",
        progress: 70,
        comment: "Deux médiateurs de nuit recrutés, tournées engagées.",
      },
    ],
  },
  { ref: "ETAT-07", dueInDays: 45, updates: [] },
  {
    ref: "VILLE-01",
    updates: [
      {
        daysAgo: 75,
        status: "ON_TRACK",
        progress: 45,
        comment: "Diagnostic local de sécurité partagé avec les partenaires.",
      },
    ],
  },
  {
    ref: "VILLE-02",
    dueInDays: 25,
    updates: [
      {
        daysAgo: 30,
        status: "ON_TRACK",
        progress: 80,
        comment: "Îlotage à pied mis en place dans trois quartiers.",
        nextStep: "Bilan des trois premiers mois",
      },
    ],
  },
  {
    ref: "VILLE-03",
    dueInDays: -40,
    updates: [
      {
        daysAgo: 55,
        status: "LATE",
        progress: 20,
        comment: "Deux réunions publiques tenues sur cinq prévues.",
        blockers: "Salles indisponibles pendant les travaux de la maison de quartier.",
      },
    ],
  },
  {
    ref: "VILLE-04",
    updates: [
      { daysAgo: 18, status: "ON_TRACK", progress: 55, comment: "Cahier des charges du schéma directeur validé." },
    ],
  },
  {
    ref: "VILLE-05",
    updates: [
      {
        daysAgo: 90,
        status: "POSTPONED",
        progress: 10,
        comment: "Installation reportée après les élections municipales.",
      },
    ],
  },
  { ref: "VILLE-06", dueInDays: 28, updates: [] },
  {
    ref: "PARQUET-01",
    updates: [
      { daysAgo: 28, status: "ON_TRACK", progress: 65, comment: "Audiences de proximité tenues chaque mois." },
      // « Réalisé » declared by its owner two days ago: a request awaiting a coordinator's decision on day one.
      {
        daysAgo: 2,
        status: "DONE",
        progress: 100,
        comment: "Audiences de proximité instituées : une par mois au tribunal judiciaire depuis janvier.",
        evidence: "Convention signée par le président du tribunal judiciaire et le procureur de la République.",
      },
    ],
  },
  {
    ref: "PARQUET-02",
    dueInDays: 6,
    updates: [
      {
        daysAgo: 9,
        status: "AT_RISK",
        progress: 25,
        comment: "Une séance du GLTD sur deux a eu lieu depuis l'été.",
        blockers: "Calendrier des séances à arrêter avec les partenaires.",
      },
    ],
  },
];

interface SampleMeeting {
  kind: MeetingKind;
  title: string;
  /** Working days after the first start. */
  inWorkingDays: number;
  time: string;
  place: string;
  channelId: string;
  attendees: string[];
  agenda: string;
}

export const SAMPLE_MEETINGS: SampleMeeting[] = [
  {
    kind: "GLTD",
    title: "GLTD des Hauts-de-Chambéry",
    inWorkingDays: 5,
    time: "14:00",
    place: "Commissariat, salle de réunion",
    channelId: "G0GLTD",
    attendees: ["U0CAMILLE", "U0MARC", "U0SOPHIE", "U0JULIEN"],
    agenda: "Point sur la présence de terrain et les opérations communes.",
  },
  {
    kind: "COPIL",
    title: "Comité de pilotage du CSI",
    inWorkingDays: 12,
    time: "10:00",
    place: "Préfecture de la Savoie, salle Vaugelas",
    channelId: "C0COPIL",
    attendees: ["U0CAMILLE", "U0PIERRE", "U0MARC", "U0NADIA", "U0SOPHIE", "U0LEA", "U0JULIEN"],
    agenda: "Bilan annuel des engagements ; échéances de fin de contrat.",
  },
];
