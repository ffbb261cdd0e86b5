/**
 * What the CSV import decides in the browser before it asks the server: whether a chosen file can be
 * a CSV file at all (and its text, in the encoding spreadsheets write), the space's name from the
 * file's, the date order the file's days suggest, how a column is named in a select, and why the
 * Import button is disabled.
 */
import type { CsvField, CsvPreview, DateOrder } from "@lattice/domain";
import { ApiError, describeError } from "../../api/client";
import { type MessageKey, translate } from "../../lib/i18n/i18n";

/** The server takes the file's text up to this size (`csvChoices.csv` in the domain's schemas). */
export const csvMaxBytes = 32 * 1024 * 1024;

export type CsvFileReading = { ok: true; text: string } | { ok: false; error: string };

const megabytes = (bytes: number): number => bytes / 1_048_576;

const startsWith = (bytes: Uint8Array, signature: readonly number[]): boolean =>
  signature.every((byte, i) => bytes[i] === byte);

/**
 * The text of a file chosen as CSV. UTF-8 (with or without a byte-order mark) and UTF-16 with a
 * byte-order mark are read as such; anything else that is not valid UTF-8 is read as Windows-1252,
 * which older Excel versions write. Workbooks, PDFs and other binary files are refused with a sentence
 * that says what to do instead.
 */
export const readCsvBytes = (bytes: Uint8Array, fileName: string): CsvFileReading => {
  const name = fileName;
  if (bytes.length > csvMaxBytes)
    return {
      ok: false,
      error: translate("imports.csv.error.tooLarge", {
        name,
        size: megabytes(bytes.length),
        max: megabytes(csvMaxBytes),
      }),
    };
  if (bytes.length === 0) return { ok: false, error: translate("imports.csv.error.empty", { name }) };
  // .xlsx, .ods and .numbers files are zip archives; .xls is an OLE compound file.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0]))
    return {
      ok: false,
      error: translate("imports.csv.error.workbook", { name }),
    };
  let text: string;
  if (startsWith(bytes, [0xff, 0xfe])) text = new TextDecoder("utf-16le").decode(bytes);
  else if (startsWith(bytes, [0xfe, 0xff])) text = new TextDecoder("utf-16be").decode(bytes);
  else {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      text = new TextDecoder("windows-1252").decode(bytes);
    }
  }
  text = text.replace(/^\uFEFF/, "");
  // Text files have no NUL characters; images, PDFs and archives are full of them.
  if (text.includes("\u0000"))
    return {
      ok: false,
      error: translate("imports.csv.error.notText", { name }),
    };
  if (text.trim() === "") return { ok: false, error: translate("imports.csv.error.noRows", { name }) };
  return { ok: true, text };
};

/** The new space's name from the file's: "complaints_2025-03.csv" → "complaints 2025-03". */
export const spaceNameFromFile = (fileName: string): string =>
  fileName
    .replace(/\.(csv|tsv|txt)$/i, "")
    .replace(/_+/g, " ")
    .trim()
    .slice(0, 120) || translate("imports.csv.defaultName");

/**
 * The order the file writes its days in: a first part above 12 can only be a day, a second part above
 * 12 only a day after a month; a four-digit year first is read as such whatever the order. When the
 * values leave it open, the person's locale decides ("dmy" for en-GB, "mdy" for en-US).
 */
export const guessDateOrder = (values: readonly string[], localeOrder: string): DateOrder => {
  let dayFirst = false;
  let monthFirst = false;
  for (const value of values) {
    const parts = /^\s*(\d{1,2})[./-](\d{1,2})[./-]\d{2,4}\b/.exec(value);
    if (!parts) continue;
    if (Number(parts[1]) > 12) dayFirst = true;
    else if (Number(parts[2]) > 12) monthFirst = true;
  }
  if (dayFirst !== monthFirst) return dayFirst ? "dmy" : "mdy";
  if (localeOrder === "mdy" || localeOrder === "dmy" || localeOrder === "ymd") return localeOrder;
  return "dmy";
};

/** Spreadsheet letters for a 0-based column: 0 → A, 25 → Z, 26 → AA. */
export const columnLetter = (index: number): string => {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
};

/** A column as a select offers it: its letter and its name, or the first value when it has no name. */
export const columnLabel = (
  preview: Pick<CsvPreview, "header" | "sample">,
  index: number,
  hasHeader: boolean,
) => {
  const letter = columnLetter(index);
  const cell = hasHeader ? preview.header[index]?.trim() : preview.sample[0]?.[index]?.trim();
  if (!cell) return translate("imports.csv.column", { letter });
  const shown = cell.length > 40 ? `${cell.slice(0, 39)}…` : cell;
  return hasHeader
    ? `${letter} · ${shown}`
    : translate("imports.csv.columnExample", { letter, value: shown });
};

export const csvFieldKeys: Record<CsvField, MessageKey> = {
  name: "imports.csv.field.name",
  description: "imports.csv.field.description",
  status: "imports.csv.field.status",
  startDate: "imports.csv.field.startDate",
  dueDate: "imports.csv.field.dueDate",
  responsible: "imports.csv.field.responsible",
  labels: "imports.csv.field.labels",
};

export type CsvColumns = Record<CsvField, number | null>;

/** Why the file cannot be imported as mapped, or null when it can. */
export const importBlocker = (
  columns: CsvColumns,
  preview: { summary: { cards: number } } | null,
  spaceName: string,
): string | null => {
  if (columns.name === null) return translate("imports.csv.blocker.noNameColumn");
  if (!preview) return null;
  if (preview.summary.cards === 0) return translate("imports.csv.blocker.noNames");
  if (spaceName.trim() === "") return translate("imports.csv.blocker.noSpaceName");
  return null;
};

/** A failed preview or import as a sentence about the file, not about the request. */
export const describeCsvError = (failure: unknown): string => {
  if (failure instanceof ApiError) {
    if (failure.status === 413) return translate("imports.csv.error.serverTooLarge");
    const fileError = failure.errors.find((e) => e.field === "body.csv");
    if (fileError) return translate("imports.csv.error.file", { message: fileError.message });
    const columnError = failure.errors.find((e) => e.field.startsWith("body.mapping."));
    if (columnError) {
      const field = columnError.field.slice("body.mapping.".length) as CsvField;
      const key = csvFieldKeys[field] as MessageKey | undefined;
      return translate("imports.csv.error.column", {
        field: key ? translate(key) : field,
        message: columnError.message,
      });
    }
  }
  return describeError(failure);
};
