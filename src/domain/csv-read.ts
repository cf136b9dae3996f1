// Reading spreadsheet text pasted or typed by people: the separator a copy gives, RFC 4180 quotes, the encoding
// of a file. (Writing is export-csv.ts's csvCell.)
import iconv from "iconv-lite";

/** One record of the text, with the line it starts on (for error messages). */
export interface RawRow {
  line: number;
  cells: string[];
}

/** Tab (a copy from Excel or LibreOffice), else semicolon, else comma: whichever the first line holds outside quotes. */
export function detectSeparator(text: string): "\t" | ";" | "," {
  const first = text.replace(/^\uFEFF/, "").replace(/^\s*\n/, "");
  const seen = new Set<string>();
  let inQuotes = false;
  for (const ch of first) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === "\n" || ch === "\r")) break;
    else if (!inQuotes) seen.add(ch);
  }
  return seen.has("\t") ? "\t" : seen.has(";") ? ";" : ",";
}

/**
 * RFC 4180 records: a cell opening with `"` may hold separators and line breaks, `""` is a quote. A quote
 * inside an unquoted cell is an ordinary character (« Opération "Tranquillité" »).
 */
export function readRows(text: string, separator: string): { rows: RawRow[]; unclosedQuoteLine: number | null } {
  const rows: RawRow[] = [];
  let cells: string[] = [];
  let cell = "";
  let inQuotes = false;
  let line = 1;
  let rowLine = 1;
  let quoteLine = 1;
  const endCell = () => {
    cells.push(cell);
    cell = "";
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (inQuotes) {
      if (ch === '"' && text.charAt(i + 1) === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        inQuotes = false;
      } else {
        if (ch === "\n") line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === "") {
      inQuotes = true;
      quoteLine = line;
      cell = "";
    } else if (ch === separator) {
      endCell();
    } else if (ch === "\n") {
      endCell();
      rows.push({ line: rowLine, cells });
      cells = [];
      line++;
      rowLine = line;
    } else {
      cell += ch;
    }
  }
  if (inQuotes) return { rows, unclosedQuoteLine: quoteLine };
  if (cell !== "" || cells.length > 0) {
    endCell();
    rows.push({ line: rowLine, cells });
  }
  return { rows, unclosedQuoteLine: null };
}

/**
 * The text of a spreadsheet file's bytes: UTF-8 with or without its byte-order mark; bytes that are not valid
 * UTF-8 are a file saved by an older Excel in Windows-1252 (« Échéance » written as one byte per letter).
 */
export function decodeSpreadsheetBytes(bytes: Uint8Array): { text: string; encoding: "utf-8" | "windows-1252" } {
  try {
    // ignoreBOM false (the default): a leading BOM is taken off.
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    // iconv-lite, not TextDecoder: Node built with small ICU reads "windows-1252" as Latin-1 (0x92 ’ and 0x9C œ lost).
    return { text: iconv.decode(Buffer.from(bytes), "win1252"), encoding: "windows-1252" };
  }
}
