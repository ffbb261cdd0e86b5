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
import { type MessageKey, useTranslator } from "../../lib/i18n/i18n";
import { numericOrder, personLocale } from "../../lib/locale";
import { useWorkspaces } from "../../store/workspaces";
import { Button } from "../../ui/button";
import { Dialog } from "../../ui/dialog";
import { Select } from "../../ui/input";
import {
  type CsvColumns,
  columnLabel,
  csvFieldKeys,
  describeCsvError,
  guessDateOrder,
  importBlocker,
  readCsvBytes,
  spaceNameFromFile,
} from "./csv-file";
import { ImportDone, ImportFilePicker, ImportNotes, SpacePlacement, StatusRoles } from "./import-parts";

const dateOrderKeys: Record<DateOrder, MessageKey> = {
  dmy: "imports.csv.order.dmy",
  mdy: "imports.csv.order.mdy",
  ymd: "imports.csv.order.ymd",
};

const toMapping = (columns: CsvColumns): CsvMapping | null =>
  columns.name === null ? null : { ...columns, name: columns.name };

const Counts = ({ summary, rows, label }: { summary: ImportSummary; rows?: number; label: string }) => {
  const { t } = useTranslator();
  return (
    <ul className="import-counts" aria-label={label}>
      <li>{t("imports.count.cards", { count: summary.cards })}</li>
      <li>{t("imports.count.statuses", { count: summary.lists })}</li>
      <li>{t("imports.count.labels", { count: summary.labels })}</li>
      <li>{t("imports.count.matched", { count: summary.membersMatched })}</li>
      <li>{t("imports.count.unmatched", { count: summary.membersUnmatched })}</li>
      {rows !== undefined && rows > summary.cards ? (
        <li>{t("imports.count.rowsLeftOut", { count: rows - summary.cards })}</li>
      ) : null}
    </ul>
  );
};

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
  const { t } = useTranslator();
  return (
    <div className="import-column">
      <label htmlFor={id}>
        {t(csvFieldKeys[field])}
        {field === "name" ? <span className="import-row-count">{t("imports.csv.required")}</span> : null}
      </label>
      <Select
        id={id}
        value={value === null ? "" : String(value)}
        onChange={(e) => onChange(e.target.value === "" ? null : Number(e.target.value))}
      >
        <option value="">{t("imports.csv.notImported")}</option>
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
  const { t, format } = useTranslator();
  const day = (value: string | null) => (value ? format.dayRange(value, value) : "");
  const shown = (field: CsvField) => columns[field] !== null;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: the table scrolls sideways on a phone, and the keyboard must reach it
    <section className="import-rows" tabIndex={0} aria-label={t("imports.csv.rows")}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("imports.csv.row")}</th>
            <th scope="col">{t("imports.csv.card")}</th>
            {shown("status") ? <th scope="col">{t("imports.csv.field.status")}</th> : null}
            {shown("startDate") ? <th scope="col">{t("imports.csv.start")}</th> : null}
            {shown("dueDate") ? <th scope="col">{t("imports.csv.due")}</th> : null}
            {shown("responsible") ? <th scope="col">{t("imports.csv.field.responsible")}</th> : null}
            {shown("labels") ? <th scope="col">{t("imports.csv.field.labels")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {preview.cards.map((row) => (
            <tr key={row.row} className={row.name === null ? "import-row-skipped" : undefined}>
              <td className="import-rows-number">{row.row}</td>
              <td className="import-rows-card">
                {row.name ?? <em>{t("imports.csv.leftOut")}</em>}
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
                      <span className="import-rows-unmatched">
                        {t("imports.csv.notMatched", { name: row.person })}
                      </span>
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

const RowWarnings = ({ preview }: { preview: CsvPreview }) => {
  const { t } = useTranslator();
  return preview.rowsWithWarnings === 0 ? null : (
    <details className="import-row-warnings">
      <summary>{t("imports.csv.rowWarnings", { count: preview.rowsWithWarnings })}</summary>
      <ul>
        {preview.rowWarnings.map((entry) => (
          <li key={entry.row}>
            <strong>{t("imports.csv.rowNumber", { row: entry.row })}</strong> {entry.warnings.join(" ")}
          </li>
        ))}
        {preview.rowsWithWarnings > preview.rowWarnings.length ? (
          <li>
            {t("imports.csv.moreRows", { count: preview.rowsWithWarnings - preview.rowWarnings.length })}
          </li>
        ) : null}
      </ul>
    </details>
  );
};

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
  const { t } = useTranslator();
  const allWell = t("imports.csv.allWell");

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
        title={t("imports.csv.done")}
        workspaceId={workspaceId}
        space={result.space}
        counts={<Counts summary={result.summary} label={t("imports.csv.created")} />}
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
      title={t("imports.csv.title")}
      description={t("imports.csv.description")}
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
            {t("common.cancel")}
          </Button>
          <Button
            variant="primary"
            type="submit"
            isBusy={isImporting}
            disabled={!canImport}
            {...(blocker ? { "aria-describedby": blockerId } : {})}
          >
            {preview && columns?.name !== null
              ? t("imports.importCards", { count: preview.summary.cards })
              : t("imports.import")}
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
        label={t("imports.csv.file")}
        hint={t("imports.csv.fileHint")}
        accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
        fileName={file?.name ?? ""}
        onFile={(chosen) => void chooseFile(chosen)}
      />
      <p className="import-reading" role="status">
        {isPreviewing
          ? file
            ? t("imports.reading", { name: file.name })
            : t("imports.csv.readingFile")
          : ""}
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
            <legend>{t("imports.csv.columns")}</legend>
            <label className="import-check">
              <input
                type="checkbox"
                checked={hasHeader}
                onChange={(e) => {
                  setHasHeader(e.target.checked);
                  setColumns(null);
                }}
              />
              {t("imports.csv.hasHeader")}
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
              <Counts summary={preview.summary} rows={preview.rows} label={t("imports.csv.wouldCreate")} />
              <RowsTable preview={preview} columns={columns} />
              <StatusRoles
                legend={columns.status === null ? t("imports.csv.oneStatus") : t("imports.csv.statuses")}
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
  const { t } = useTranslator();
  return (
    <div className="import-column">
      <label htmlFor={id}>{t("imports.csv.dateOrder")}</label>
      <Select
        id={id}
        aria-describedby={`${id}-hint`}
        value={value}
        onChange={(e) => onChange(e.target.value as DateOrder)}
      >
        {dateOrders.map((order) => (
          <option key={order} value={order}>
            {t(dateOrderKeys[order])}
          </option>
        ))}
      </Select>
      <span id={`${id}-hint`} className="import-column-hint">
        {t("imports.csv.dateOrderHint")}
      </span>
    </div>
  );
};
