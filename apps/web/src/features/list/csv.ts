/**
 * CSV export of the list view's rows. papaparse quotes what needs quoting (commas, quotes, line
 * breaks); the byte order mark makes spreadsheet apps read the file as UTF-8.
 *
 * A cell that starts with =, +, -, @, a tab or a carriage return gets a leading ' so a spreadsheet
 * shows it as text instead of running it as a formula, line breaks after the first character or not.
 * Co-workers and labels are lists in one cell: items separated by ", ", and an item that holds a
 * comma, a quote, a line break or surrounding spaces is itself in double quotes (quotes doubled), so
 * the list splits back into exactly its items.
 */
import type { CustomField } from "@lattice/domain";
import Papa from "papaparse";
import { chosenOptions, fieldValueText } from "../fields/field-values";
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

/** What a spreadsheet would run as a formula. papaparse's own pattern ends in `.*$`, which cannot match across a line break. */
export const formulaStart = /^[=+\-@\t\r]/;

export const listSeparator = ", ";

/** The items of a list cell, quoted where needed (see the module comment). */
export const listCell = (items: readonly string[]): string =>
  items.length === 0
    ? ""
    : Papa.unparse([[...items]], {
        delimiter: listSeparator,
        newline: "\n",
        quotes: false,
        escapeFormulae: false,
      });

/** Splits a list cell made by `listCell` back into its items. */
export const parseListCell = (cell: string): string[] =>
  cell === "" ? [] : (Papa.parse<string[]>(cell, { delimiter: listSeparator, newline: "\n" }).data[0] ?? []);

/**
 * The rows as CSV: the fixed columns, then one column per custom field (named after it, in the
 * space's order) holding the value as people read it; multiple choices are a list cell.
 */
export const rowsToCsv = (
  rows: readonly ListRow[],
  fields: readonly CustomField[] = [],
  personName: (userId: string) => string = () => "",
): string =>
  bom +
  Papa.unparse(
    {
      fields: [...csvColumns, ...fields.map((f) => f.name)],
      data: rows.map((r) => [
        r.name,
        r.statusName,
        r.responsibleName,
        listCell(r.coworkerNames),
        listCell(r.labelNames),
        r.startDate ?? "",
        r.dueDate ?? "",
        Math.round(r.progress * 100),
        r.isBlocked ? "yes" : "no",
        ...fields.map((f) =>
          f.kind === "multi_choice"
            ? listCell(chosenOptions(f, r.fieldValues[f.id]).map((o) => o.name))
            : fieldValueText(f, r.fieldValues[f.id], personName),
        ),
      ]),
    },
    { newline: "\r\n", quotes: false, escapeFormulae: formulaStart },
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
