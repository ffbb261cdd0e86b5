/** The List view's CSV export: a dialog that says what the file will hold before it is downloaded. */
import type { CustomField } from "@lattice/domain";
import { useState } from "react";
import { Button } from "../../ui/button";
import { Dialog } from "../../ui/dialog";
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
  const [isOpen, setIsOpen] = useState(false);
  const fileName = csvFileName(spaceName, today);
  const handleDownload = () => {
    downloadCsv(fileName, rowsToCsv(rows, fields, personName));
    setIsOpen(false);
  };
  return (
    <>
      <Button size="sm" disabled={isDisabled} onClick={() => setIsOpen(true)}>
        Export CSV
      </Button>
      <Dialog
        isOpen={isOpen}
        title="Export CSV"
        description={`${rows.length} card${rows.length === 1 ? "" : "s"}, as filtered and sorted now, to ${fileName}.`}
        onClose={() => setIsOpen(false)}
        onSubmit={handleDownload}
        footer={
          <>
            <Button variant="ghost" onClick={() => setIsOpen(false)}>
              Cancel
            </Button>
            <Button variant="primary" type="submit" autoFocus>
              Download
            </Button>
          </>
        }
      >
        <p>
          A cell that starts with =, +, -, @ or a tab gets a leading <code>'</code>, so spreadsheets show it
          as text instead of running it as a formula. Co-workers and labels are separated by commas; a name
          that holds a comma or a quote is in double quotes.
        </p>
      </Dialog>
    </>
  );
};
