/**
 * Import a CSV file of cards: choose (or drop) the file, say which column holds each field, check the
 * first rows as they will be imported and what would change on the way, import, then see the summary.
 * The server reads the file and answers every preview, so what is shown is what the import will do.
 */
import {
  type CsvField,
  type CsvMapping,
  type CsvPreview,
  csvFields,
  type DateOrder,
  dateOrders,
  type ImportSummary,
  type StatusRole,
  type TrelloImportResult,
} from "@lattice/domain";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { importCsv, previewCsvImport } from "../../api/imports";
import { formatDay, numericOrder, personLocale } from "../../lib/locale";
import { useWorkspaces } from "../../store/workspaces";
import { Button } from "../../ui/button";
import { Dialog } from "../../ui/dialog";
import { Select } from "../../ui/input";
import {
  type CsvColumns,
  columnLabel,
  csvFieldLabels,
  describeCsvError,
  guessDateOrder,
  importBlocker,
  readCsvBytes,
  spaceNameFromFile,
} from "./csv-file";
import {
  count,
  ImportDone,
  ImportFilePicker,
  ImportNotes,
  SpacePlacement,
  StatusRoles,
} from "./import-parts";

const allWell = "Every row comes across as written.";

const dateOrderLabels: Record<DateOrder, string> = {
  dmy: "Day/month/year",
  mdy: "Month/day/year",
  ymd: "Year/month/day",
};

const toMapping = (columns: CsvColumns): CsvMapping | null =>
  columns.name === null ? null : { ...columns, name: columns.name };

const Counts = ({ summary, rows, label }: { summary: ImportSummary; rows?: number; label: string }) => (
  <ul className="import-counts" aria-label={label}>
    <li>{count(summary.cards, "card", "cards")}</li>
    <li>{count(summary.lists, "status", "statuses")}</li>
    <li>{count(summary.labels, "label", "labels")}</li>
    <li>{count(summary.membersMatched, "person matched", "people matched")}</li>
    <li>{count(summary.membersUnmatched, "person not matched", "people not matched")}</li>
    {rows !== undefined && rows > summary.cards ? (
      <li>{count(rows - summary.cards, "row left out", "rows left out")}</li>
    ) : null}
  </ul>
);

const ColumnSelect = ({
  field,
  preview,
  hasHeader,
  value,
  onChange,
}: {
  field: CsvField;
  preview: CsvPreview;
  hasHeader: boolean;
  value: number | null;
  onChange: (value: number | null) => void;
}) => {
  const id = useId();
  return (
    <div className="import-column">
      <label htmlFor={id}>
        {csvFieldLabels[field]}
        {field === "name" ? <span className="import-row-count">required</span> : null}
      </label>
      <Select
        id={id}
        value={value === null ? "" : String(value)}
        onChange={(e) => onChange(e.target.value === "" ? null : Number(e.target.value))}
      >
        <option value="">Not imported</option>
        {preview.header.map((_, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a column is its position in the file
          <option key={index} value={index}>
            {columnLabel(preview, index, hasHeader)}
          </option>
        ))}
      </Select>
    </div>
  );
};

const RowsTable = ({ preview, columns }: { preview: CsvPreview; columns: CsvColumns }) => {
  const locale = useMemo(personLocale, []);
  const day = (value: string | null) => (value ? formatDay(value, locale) : "");
  const shown = (field: CsvField) => columns[field] !== null;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: the table scrolls sideways on a phone, and the keyboard must reach it
    <section className="import-rows" tabIndex={0} aria-label="First rows as they will be imported">
      <table>
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">Card</th>
            {shown("status") ? <th scope="col">Status</th> : null}
            {shown("startDate") ? <th scope="col">Start</th> : null}
            {shown("dueDate") ? <th scope="col">Due</th> : null}
            {shown("responsible") ? <th scope="col">Responsible</th> : null}
            {shown("labels") ? <th scope="col">Labels</th> : null}
          </tr>
        </thead>
        <tbody>
          {preview.cards.map((row) => (
            <tr key={row.row} className={row.name === null ? "import-row-skipped" : undefined}>
              <td className="import-rows-number">{row.row}</td>
              <td className="import-rows-card">
                {row.name ?? <em>left out</em>}
                {row.description ? <span className="import-rows-description">{row.description}</span> : null}
                {row.warnings.map((warning) => (
                  <span key={warning} className="import-rows-warning">
                    {warning}
                  </span>
                ))}
              </td>
              {shown("status") ? <td>{row.status}</td> : null}
              {shown("startDate") ? <td className="import-rows-day">{day(row.startDate)}</td> : null}
              {shown("dueDate") ? <td className="import-rows-day">{day(row.dueDate)}</td> : null}
              {shown("responsible") ? (
                <td>
                  {row.responsible ??
                    (row.person ? (
                      <span className="import-rows-unmatched">{row.person} (not matched)</span>
                    ) : (
                      ""
                    ))}
                </td>
              ) : null}
              {shown("labels") ? (
                <td>
                  {row.labels.map((label) => (
                    <span key={label} className="import-rows-label">
                      {label}
                    </span>
                  ))}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
};

const RowWarnings = ({ preview }: { preview: CsvPreview }) =>
  preview.rowsWithWarnings === 0 ? null : (
    <details className="import-row-warnings">
      <summary>
        Row by row: {count(preview.rowsWithWarnings, "row does", "rows do")} not come across as written
      </summary>
      <ul>
        {preview.rowWarnings.map((entry) => (
          <li key={entry.row}>
            <strong>Row {entry.row}:</strong> {entry.warnings.join(" ")}
          </li>
        ))}
        {preview.rowsWithWarnings > preview.rowWarnings.length ? (
          <li>
            …and {count(preview.rowsWithWarnings - preview.rowWarnings.length, "more row", "more rows")}.
          </li>
        ) : null}
      </ul>
    </details>
  );

export const CsvImportDialog = ({
  workspaceId,
  folderId: initialFolderId,
  onClose,
}: {
  workspaceId: string;
  folderId: string | null;
  onClose: () => void;
}) => {
  const loadTree = useWorkspaces((s) => s.loadTree);
  const localeOrder = useMemo(() => numericOrder(personLocale()), []);
  const [file, setFile] = useState<{ name: string; text: string; generation: number } | null>(null);
  const [hasHeader, setHasHeader] = useState(true);
  const [dateOrder, setDateOrder] = useState<DateOrder>(guessDateOrder([], localeOrder));
  const [columns, setColumns] = useState<CsvColumns | null>(null);
  const [listRoles, setListRoles] = useState<Record<string, StatusRole>>({});
  const [preview, setPreview] = useState<CsvPreview | null>(null);
  const [name, setName] = useState("");
  const [folderId, setFolderId] = useState(initialFolderId ?? "");
  const [error, setError] = useState<string | null>(null);
  const [isPreviewing, setIsPreviewing] = useState(false);
  const [isImporting, setIsImporting] = useState(false);
  const [result, setResult] = useState<TrelloImportResult | null>(null);
  const blockerId = useId();
  // The choices the current preview answers, so a reply that only fills in the suggestion is not asked again.
  const answered = useRef("");

  const chooseFile = async (chosen: File) => {
    setError(null);
    const reading = readCsvBytes(new Uint8Array(await chosen.arrayBuffer()), chosen.name);
    if (!reading.ok) {
      setError(reading.error);
      return;
    }
    setFile((previous) => ({
      name: chosen.name,
      text: reading.text,
      generation: (previous?.generation ?? 0) + 1,
    }));
    setName(spaceNameFromFile(chosen.name));
    setColumns(null);
    setListRoles({});
    setPreview(null);
  };

  useEffect(() => {
    if (!file) return;
    const mapping = columns ? toMapping(columns) : undefined;
    // Without a name column there is nothing to preview; the Import button says why.
    const key = JSON.stringify([file.generation, hasHeader, dateOrder, columns, listRoles]);
    if (mapping === null || key === answered.current) {
      setIsPreviewing(false);
      return;
    }
    const abort = new AbortController();
    setIsPreviewing(true);
    previewCsvImport(
      workspaceId,
      file.text,
      { hasHeader, dateOrder, listRoles, ...(mapping ? { mapping } : {}) },
      abort.signal,
    ).then(
      (answer) => {
        if (abort.signal.aborted) return;
        setIsPreviewing(false);
        setError(null);
        setPreview(answer);
        if (columns) {
          answered.current = key;
          return;
        }
        // The first answer suggests the columns, and the file's days suggest their order.
        const suggested = Object.fromEntries(
          csvFields.map((f) => [f, answer.mapping[f] ?? null]),
        ) as CsvColumns;
        const days = answer.sample.flatMap((row) =>
          [suggested.startDate, suggested.dueDate].flatMap((c) => (c === null ? [] : [row[c] ?? ""])),
        );
        const order = guessDateOrder(days, localeOrder);
        // This answer is for the suggested columns with the order asked: a different guess asks again.
        answered.current = JSON.stringify([file.generation, hasHeader, dateOrder, suggested, listRoles]);
        setColumns(suggested);
        setDateOrder(order);
      },
      (failure: unknown) => {
        if (abort.signal.aborted) return;
        setIsPreviewing(false);
        setError(describeCsvError(failure));
        if (!columns) setPreview(null);
      },
    );
    return () => abort.abort();
  }, [workspaceId, file, hasHeader, dateOrder, columns, listRoles, localeOrder]);

  const runImport = async () => {
    const mapping = columns ? toMapping(columns) : null;
    if (!file || !mapping || blocker) return;
    setIsImporting(true);
    setError(null);
    try {
      const imported = await importCsv(workspaceId, file.text, {
        hasHeader,
        dateOrder,
        listRoles,
        mapping,
        name: name.trim(),
        folderId: folderId === "" ? null : folderId,
      });
      await loadTree(workspaceId);
      setResult(imported);
    } catch (failure) {
      setError(describeCsvError(failure));
    } finally {
      setIsImporting(false);
    }
  };

  if (result)
    return (
      <ImportDone
        title="Cards imported"
        workspaceId={workspaceId}
        space={result.space}
        counts={<Counts summary={result.summary} label="What was created" />}
        notes={result.summary.notes}
        allWell={allWell}
        onClose={onClose}
      />
    );

  const blocker = columns ? importBlocker(columns, isPreviewing ? null : preview, name) : null;
  const canImport = Boolean(file && columns && preview && !isPreviewing && !blocker);
  const setColumn = (field: CsvField, value: number | null) =>
    columns && setColumns({ ...columns, [field]: value });
  const hasDates = columns !== null && (columns.startDate !== null || columns.dueDate !== null);

  return (
    <Dialog
      isOpen
      title="Import CSV"
      description="A CSV file of cards becomes a new space: one card per row, with the columns you choose for its name, description, status, dates, responsible person and labels."
      onClose={onClose}
      onSubmit={() => void runImport()}
      size="lg"
      footer={
        <>
          {blocker ? (
            <p id={blockerId} className="import-blocker">
              {blocker}
            </p>
          ) : null}
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button
            variant="primary"
            type="submit"
            isBusy={isImporting}
            disabled={!canImport}
            {...(blocker ? { "aria-describedby": blockerId } : {})}
          >
            {preview && columns?.name !== null
              ? `Import ${count(preview.summary.cards, "card", "cards")}`
              : "Import"}
          </Button>
        </>
      }
    >
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <ImportFilePicker
        label="CSV file"
        hint="Values separated by commas, semicolons or tabs, as spreadsheets save them (File → Save as → CSV). Up to 32 MB."
        accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
        fileName={file?.name ?? ""}
        onFile={(chosen) => void chooseFile(chosen)}
      />
      <p className="import-reading" role="status">
        {isPreviewing ? `Reading ${file?.name ?? "the file"}…` : ""}
      </p>
      {file && preview && columns ? (
        <div className="import-preview" aria-busy={isPreviewing}>
          <SpacePlacement
            workspaceId={workspaceId}
            name={name}
            folderId={folderId}
            onName={setName}
            onFolder={setFolderId}
          />
          <fieldset className="import-table">
            <legend>Columns</legend>
            <label className="import-check">
              <input
                type="checkbox"
                checked={hasHeader}
                onChange={(e) => {
                  setHasHeader(e.target.checked);
                  setColumns(null);
                }}
              />
              The first row names the columns
            </label>
            <div className="import-columns">
              {csvFields.map((field) => (
                <ColumnSelect
                  key={field}
                  field={field}
                  preview={preview}
                  hasHeader={hasHeader}
                  value={columns[field]}
                  onChange={(value) => setColumn(field, value)}
                />
              ))}
              {hasDates ? <DateOrderSelect value={dateOrder} onChange={setDateOrder} /> : null}
            </div>
          </fieldset>
          {columns.name === null ? null : (
            <>
              <Counts summary={preview.summary} rows={preview.rows} label="What would be created" />
              <RowsTable preview={preview} columns={columns} />
              <StatusRoles
                legend={
                  columns.status === null
                    ? "All cards go in one status"
                    : "Values of the status column become statuses"
                }
                statuses={preview.statuses}
                roles={listRoles}
                onRole={(listId, role) => setListRoles({ ...listRoles, [listId]: role })}
              />
              <ImportNotes notes={preview.summary.notes} allWell={allWell} />
              <RowWarnings preview={preview} />
            </>
          )}
        </div>
      ) : null}
    </Dialog>
  );
};

const DateOrderSelect = ({ value, onChange }: { value: DateOrder; onChange: (order: DateOrder) => void }) => {
  const id = useId();
  return (
    <div className="import-column">
      <label htmlFor={id}>Days are written as</label>
      <Select
        id={id}
        aria-describedby={`${id}-hint`}
        value={value}
        onChange={(e) => onChange(e.target.value as DateOrder)}
      >
        {dateOrders.map((order) => (
          <option key={order} value={order}>
            {dateOrderLabels[order]}
          </option>
        ))}
      </Select>
      <span id={`${id}-hint`} className="import-column-hint">
        2025-03-14 is always year, month, day.
      </span>
    </div>
  );
};
