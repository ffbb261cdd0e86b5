/** German (Deutsch): every English key, translated. The interface addresses the person as "Sie": the personal messages (docs/I18N.md, which lists what each file covers). */
import type { personal as english } from "../en/personal";

export const personal: Record<keyof typeof english, string> = {
  "workload.title": "Auslastung",
  "workload.titleOf": "{name} · Auslastung",
  "workload.folder": "Ordner",
  "workload.workspace": "Arbeitsbereich",
  "workload.breadcrumb": "Brotkrumennavigation",
  "workload.someone": "jemanden",
  "workload.zoom": "Zoom",
  "workload.zoom.days": "Tage",
  "workload.zoom.weeks": "Wochen",
  "workload.paging": "Angezeigter Zeitraum",
  "workload.paging.earlier": "Früher",
  "workload.paging.today": "Heute",
  "workload.paging.later": "Später",
  "workload.summary":
    "{range} · {cards, plural, one {# datierte Karte} other {# datierte Karten}} · {people, plural, one {# Person} other {# Personen}} · {overloaded, number} überlastet",
  "workload.summary.hint":
    "Ziehen Sie einen Balken entlang einer Zeile, um ihn zu verschieben, oder zu einer anderen Person, um ihn zu übergeben; die Pfeiltasten tun dasselbe auf einem fokussierten Balken.",
  "workload.error.title": "Die Auslastung konnte nicht geladen werden",
  "workload.error.retry": "Erneut versuchen",
  "workload.corner.day": "Person · Karten pro Tag",
  "workload.corner.week": "Person · Karten pro Woche",
  "workload.person.noCapacity": "keine Kapazität festgelegt",
  "workload.person.capacity": "{count, number} pro Woche",
  "workload.person.overloadedDays":
    "{count, plural, one {an # Tag überlastet} other {an # Tagen überlastet}}",
  "workload.person.overloadedWeeks":
    "{count, plural, one {in # Woche überlastet} other {in # Wochen überlastet}}",
  "workload.row.label": "Karten von {name}",
  "workload.load.count": "{count, plural, one {# Karte} other {# Karten}}",
  "workload.load.ofCapacity": "{count, plural, one {# Karte} other {# Karten}} von {capacity, number}",
  "workload.load.overloaded":
    "{count, plural, one {# Karte} other {# Karten}} von {capacity, number}: überlastet",
  "workload.bar.noDates": "keine Daten",
  "workload.bar.title":
    "{name} · {span} · {assignment, select, responsible {verantwortlich} other {mitwirkend}}{blocked, select, yes { · blockiert} other {}}",
  "workload.bar.label":
    "{name}, {assignment, select, responsible {verantwortlich} other {mitwirkend}}, {span}{blocked, select, yes {, blockiert} other {}}",
  "workload.empty": "Hier kann noch niemand Karten übernehmen.",
  "workload.undated.title": "Ohne Daten",
  "workload.undated.none": "Jede offene Karte hat ein Datum.",
  "workload.undated.dragHint": "Auf eine Person und einen Tag ziehen",
  "workload.undated.scheduleCard": "{name} einplanen",
  "workload.undated.scheduleOpen": "Einplanen…",
  "workload.undated.person": "Person",
  "workload.undated.day": "Tag",
  "workload.undated.schedule": "Einplanen",
  "workload.undated.more": "und {count, number} weitere (die zuletzt geänderten werden angezeigt)",
  "workload.toast.give": "„{card}“ konnte nicht an {person} übergeben werden: {reason}",
  "workload.toast.reschedule": "„{card}“ konnte nicht verschoben werden: {reason}",
  "workload.toast.giveAndReschedule":
    "„{card}“ konnte nicht an {person} übergeben und verschoben werden: {reason}",
  "workload.toast.change": "„{card}“ konnte nicht geändert werden: {reason}",
  "myWork.title": "Meine Arbeit",
  "myWork.intro":
    "Karten, für die Sie verantwortlich sind oder an denen Sie mitwirken, in jedem Bereich, den Sie sehen können.",
  "myWork.error": "Ihre Arbeit konnte nicht geladen werden",
  "myWork.retry": "Erneut versuchen",
  "myWork.empty.title": "Nichts zu tun",
  "myWork.empty.text":
    "Wenn jemand Sie für eine Karte verantwortlich macht oder Sie als Mitwirkende hinzufügt, erscheint sie hier.",
  "myWork.group.overdue": "Überfällig",
  "myWork.group.thisWeek": "Diese Woche",
  "myWork.group.later": "Später",
  "myWork.group.noDate": "Ohne Datum",
  "myWork.blocked": "Blockiert",
  "myWork.noDueDate": "Kein Fälligkeitsdatum",
  "myWork.role.responsible": "Verantwortlich",
  "myWork.role.coworker": "Mitwirkend",
  "myWork.activity.title": "Meine letzten Aktivitäten",
  "myWork.activity.empty": "Sie haben noch nichts geändert.",
  "myWork.activity.older": "Ältere laden",
  "myBlockers.title": "Meine Blocker",
  "myBlockers.intro":
    "Blockierte Karten, für die Sie verantwortlich sind, an denen Sie mitwirken oder für deren Lösung Sie benannt wurden. Die, die am meisten Arbeit aufhalten, stehen oben.",
  "myBlockers.error": "Ihre Blocker konnten nicht geladen werden",
  "myBlockers.retry": "Erneut versuchen",
  "myBlockers.empty.title": "Nichts wartet auf Sie",
  "myBlockers.empty.text":
    "Wenn eine Karte, an der Sie arbeiten, blockiert wird oder Sie zur Lösung eines Blockers benannt werden, erscheint sie hier.",
  "myBlockers.role.clearing": "Zur Lösung benannt",
  "myBlockers.role.responsible": "Verantwortlich",
  "myBlockers.role.coworker": "Mitwirkend",
  "myBlockers.blockedAgo":
    "{days, plural, =0 {heute blockiert} one {vor # Tag blockiert} other {vor # Tagen blockiert}}",
  "myBlockers.waiting.none": "Keine andere Karte wartet darauf",
  "myBlockers.waiting.count": "{count, plural, one {# Karte wartet darauf} other {# Karten warten darauf}}",
  "myBlockers.waiting.firstDue": "die erste fällig am",
  "myBlockers.waiting.more": "und {count, number} weitere",
};
