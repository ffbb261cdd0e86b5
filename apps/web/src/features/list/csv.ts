/**
 * CSV export of the list view's rows. papaparse quotes what needs quoting (commas, quotes, line
 * breaks); the byte order mark makes spreadsheet apps read the file as UTF-8.
 */
import Papa from "papaparse";
import type { ListRow } from "./list-rows";

export const csvColumns = [
  "Name",
  "Status",
  "Responsible",
  "Co-workers",
  "Labels",
  "Start date",
  "Due date",
  "Progress (%)",
  "Blocked",
] as const;

export const bom = "\uFEFF";

export const rowsToCsv = (rows: readonly ListRow[]): string =>
  bom +
  Papa.unparse(
    {
      fields: [...csvColumns],
      data: rows.map((r) => [
        r.name,
        r.statusName,
        r.responsibleName,
        r.coworkerNames.join(", "),
        r.labelNames.join(", "),
        r.startDate ?? "",
        r.dueDate ?? "",
        Math.round(r.progress * 100),
        r.isBlocked ? "yes" : "no",
      ]),
    },
    { newline: "\r\n", quotes: false, escapeFormulae: true },
  );

/** A file name for the export: the space's name, made safe, and today's date. */
export const csvFileName = (spaceName: string, today: string): string =>
  `${(spaceName.replace(/[^\p{L}\p{N} _-]+/gu, "").trim() || "space").replace(/\s+/g, "-")}-${today}.csv`;

export const downloadCsv = (fileName: string, csv: string) => {
  const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
};
