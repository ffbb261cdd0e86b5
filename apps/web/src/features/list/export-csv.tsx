/** The List view's CSV export: a dialog that says what the file will hold before it is downloaded. */
import type { CustomField } from "@lattice/domain";
import { useState } from "react";
import { useTranslator } from "../../lib/i18n/i18n";
import { Button } from "../../ui/button";
import { Dialog } from "../../ui/dialog";
import { aroundElement, elementMark } from "../calendar/message-parts";
import { csvFileName, downloadCsv, rowsToCsv } from "./csv";
import type { ListRow } from "./list-rows";

export const ExportCsvButton = ({
  rows,
  fields,
  personName,
  spaceName,
  today,
  isDisabled,
}: {
  rows: readonly ListRow[];
  fields: readonly CustomField[];
  personName: (userId: string) => string;
  spaceName: string;
  today: string;
  isDisabled: boolean;
}) => {
  const { t } = useTranslator();
  const [isOpen, setIsOpen] = useState(false);
  const fileName = csvFileName(spaceName, today);
  const [before, after] = aroundElement(t("list.export.note", { mark: elementMark }));
  const handleDownload = () => {
    downloadCsv(fileName, rowsToCsv(rows, fields, personName));
    setIsOpen(false);
  };
  return (
    <>
      <Button size="sm" disabled={isDisabled} onClick={() => setIsOpen(true)}>
        {t("list.export.button")}
      </Button>
      <Dialog
        isOpen={isOpen}
        title={t("list.export.title")}
        description={t("list.export.description", { count: rows.length, fileName })}
        onClose={() => setIsOpen(false)}
        onSubmit={handleDownload}
        footer={
          <>
            <Button variant="ghost" onClick={() => setIsOpen(false)}>
              {t("common.cancel")}
            </Button>
            <Button variant="primary" type="submit" autoFocus>
              {t("list.export.download")}
            </Button>
          </>
        }
      >
        <p>
          {before}
          <code>'</code>
          {after}
        </p>
      </Dialog>
    </>
  );
};
