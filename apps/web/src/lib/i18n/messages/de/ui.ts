/** German (Deutsch): every English key, translated. The interface addresses the person as "Sie": the ui messages (docs/I18N.md, which lists what each file covers). */
import type { ui as english } from "../en/ui";

export const ui: Record<keyof typeof english, string> = {
  "common.cancel": "Abbrechen",
  "common.save": "Speichern",
  "common.close": "Schließen",
  "common.delete": "Löschen",
  "common.remove": "Entfernen",
  "common.add": "Hinzufügen",
  "common.edit": "Bearbeiten",
  "common.create": "Erstellen",
  "common.rename": "Umbenennen",
  "common.back": "Zurück",
  "common.done": "Fertig",
  "common.none": "Keine",
  "common.apply": "Anwenden",
  "common.undo": "Rückgängig",
  "common.archive": "Archivieren",
  "common.restore": "Wiederherstellen",
  "common.saving": "Wird gespeichert …",
  "common.unknownPerson": "Jemand",
  "common.error": "Etwas ist schiefgelaufen. {reason}",
};
