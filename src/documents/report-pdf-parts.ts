// What the report's sections share: its words, its red for what is late, its number formats, its charts.
import type { ReportIndicator } from "../domain/report.js";

export const REPORT_TITLE = "Rapport de suivi du CSI";
export const REPORT_FOOTER = "Document de travail — diffusion restreinte aux membres du COPIL";

export const LATE_INK = "#b00000";

export interface Charts {
  progress: string;
  status: string;
  indicators: Map<ReportIndicator, string>;
}

export const pct = (n: number) => `${Math.round(n)}\u00a0%`;
export const fr = (n: number | null) =>
  n === null ? "—" : new Intl.NumberFormat("fr", { maximumFractionDigits: 2 }).format(n);
export const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;
