/** German (Deutsch): every English key, translated. The interface addresses the person as "Sie": the charts messages (docs/I18N.md, which lists what each file covers). */
import type { charts as english } from "../en/charts";

export const charts: Record<keyof typeof english, string> = {
  "charts.unit.days": "{count, plural, one {# Tag} other {# Tage}}",
  "charts.unit.weeks": "{count, plural, one {# Woche} other {# Wochen}}",
  "charts.unit.hours": "{count, plural, one {# Stunde} other {# Stunden}}",
  "charts.unit.underAnHour": "unter einer Stunde",
  "charts.period": "{from} – {to}",
  "charts.list.separator": ", ",
  "charts.list.semicolon": "; ",
  "charts.axis.cards": "Karten",
  "charts.axis.metricDays": "{metric} (Tage)",

  "charts.error.title": "Das Diagramm konnte nicht geladen werden",
  "charts.error.retry": "Erneut versuchen",
  "charts.table.show": "Daten als Tabelle anzeigen",
  "charts.table.date": "Datum",
  "charts.table.card": "Karte",
  "charts.table.cards": "Karten",
  "charts.table.days": "Tage",
  "charts.table.status": "Status",
  "charts.table.completed": "Abgeschlossen",

  "charts.filter.field": "Feld",
  "charts.filter.fieldsOneSpace": "Felder gehören zu einem einzelnen Bereich",
  "charts.filter.noFields": "Dieser Bereich hat keine Felder",
  "charts.filter.anyField": "Beliebiges Feld",
  "charts.filter.fieldIs": "{field} ist",
  "charts.filter.anyValue": "Beliebiger Wert",
  "charts.filter.empty": "Leer",
  "charts.filter.responsible": "Verantwortlich",
  "charts.filter.anyone": "Alle Personen",
  "charts.filter.label": "Label",
  "charts.filter.anyLabel": "Beliebiges Label",
  "charts.filter.labelsOneSpace": "Labels gehören zu einem einzelnen Bereich",
  "charts.filter.period": "Zeitraum",
  "charts.filter.last30": "Letzte 30 Tage",
  "charts.filter.last90": "Letzte 90 Tage",
  "charts.filter.custom": "Benutzerdefiniert…",
  "charts.filter.from": "Von",
  "charts.filter.to": "Bis",

  "charts.forecast.title": "Prognose",
  "charts.forecast.loading": "Prognose wird geladen",
  "charts.forecast.scope": "Umfang",
  "charts.forecast.scopeSpace": "Dieser Bereich",
  "charts.forecast.scopeFolder": "Sein Ordner",
  "charts.forecast.scopeFolderNone": "Sein Ordner (keiner)",
  "charts.forecast.scopeWorkspace": "Der ganze Arbeitsbereich",
  "charts.forecast.history": "Verlauf (Wochen)",
  "charts.forecast.confidence": "Konfidenz (%)",
  "charts.forecast.confidenceHint": "Durch Kommas getrennte Prozentwerte zwischen 1 und 99",
  "charts.forecast.howManyBy": "Wie viele Karten bis",
  "charts.forecast.emptyTitle": "Noch keine Karten",
  "charts.forecast.emptyBody":
    "Das Burn-up beginnt, sobald die erste Karte in {scope, select, space {diesem Bereich} folder {seinem Ordner} other {dem Arbeitsbereich}} erstellt wird.",
  "charts.forecast.completion": "Prognose der Fertigstellung",
  "charts.forecast.done": "Alle Karten im Umfang sind abgeschlossen: Es gibt nichts mehr zu prognostizieren.",
  "charts.forecast.noHistory": "Es gibt noch keine Karten und daher keinen Verlauf.",
  "charts.forecast.noCompletions":
    "In {weeks, plural, one {der letzten Woche} other {den letzten # Wochen}} wurde keine Karte abgeschlossen: Der Durchsatz ist null, daher lässt sich kein Datum prognostizieren.",
  "charts.forecast.tooFewWeeks":
    "Nur in {completed, number} von {weeks, plural, one {# Woche} other {# Wochen}} wurden Karten abgeschlossen; eine Prognose braucht mindestens {minimum, number}.",
  "charts.forecast.howManyTitle": "Wie viele Karten bis {date}?",
  "charts.forecast.howManyNote":
    "In {weeks, plural, one {# vollen Woche} other {# vollen Wochen}}, aus {trials, number} simulierten Durchläufen.",
  "charts.forecast.figure": "Burn-up und Prognose der Fertigstellung",
  "charts.forecast.tableCaption": "Burn-up pro Tag",
  "charts.forecast.series.scope": "Umfang",
  "charts.forecast.series.completed": "Abgeschlossen",
  "charts.forecast.rayLabel": "{share, number, percent} · {date}",
  "charts.forecast.throughputNone":
    "Auf Basis von {weeks, plural, one {# Woche} other {# Wochen}}: noch keine Wochen mit abgeschlossenen Karten.",
  "charts.forecast.throughput":
    "Auf Basis von {weeks, plural, one {# Woche} other {# Wochen}} ({period}), abgeschlossene Karten pro Woche: {samples}.",
  "charts.forecast.samplesMore": "…, {samples}",
  "charts.forecast.level":
    "{confidence, number} %{label, select, optimistic { (optimistisch)} most_likely { (am wahrscheinlichsten)} pessimistic { (pessimistisch)} other {}}",
  "charts.forecast.levelBeyond": "{level}: jenseits des Simulationshorizonts",
  "charts.forecast.levelDate":
    "{level}: fertig bis {date} (in {weeks, plural, one {# Woche} other {# Wochen}})",
  "charts.forecast.howManyAtLeast": "{level}: mindestens {cards, plural, one {# Karte} other {# Karten}}",
  "charts.forecast.howManyAll":
    "{level}: {remaining, plural, one {die # verbleibende Karte} other {alle # verbleibenden}}",
  "charts.forecast.howManyAllPace":
    "{level}: {remaining, plural, one {die # verbleibende Karte} other {alle # verbleibenden}}; das Tempo des Teams würde etwa {pace, number} erlauben",
  "charts.forecast.summaryHead":
    "{completed, plural, one {# Karte} other {# Karten}} von {scope, number} im Umfang abgeschlossen am {date}; {remaining, number} verbleibend.",
  "charts.forecast.summaryHeadEmpty": "Noch keine Karten; {remaining, number} verbleibend.",
  "charts.forecast.summaryDone": "{head} Alles im Umfang ist abgeschlossen.",
  "charts.forecast.summaryInsufficient": "{head} {reason}",
  "charts.forecast.summaryForecast":
    "{head} Prognose aus {trials, number} simulierten Durchläufen: {levels}.",

  "charts.time.title": "Zeit",
  "charts.time.loading": "Zeitdiagramm wird geladen",
  "charts.time.measure": "Messgröße",
  "charts.metric.lead": "Durchlaufzeit",
  "charts.metric.reaction": "Reaktionszeit",
  "charts.metric.cycle": "Bearbeitungszeit",
  "charts.percentile.median": "Median",
  "charts.percentile.p50": "50. Perzentil",
  "charts.percentile.p85": "85. Perzentil",
  "charts.percentile.p95": "95. Perzentil",
  "charts.time.lineLabel": "{label}: {days}",
  "charts.time.emptyTitle": "In diesem Zeitraum noch keine abgeschlossenen Karten",
  "charts.time.emptyBody":
    "Karten erscheinen hier, sobald sie einen abgeschlossenen Status erreichen. Wählen Sie einen längeren Zeitraum.",
  "charts.time.figure":
    "{metric, select, lead {Durchlaufzeit} reaction {Reaktionszeit} other {Bearbeitungszeit}} je abgeschlossener Karte",
  "charts.time.stats.cards": "Karten",
  "charts.time.stats.average": "Durchschnitt",
  "charts.time.note":
    "Kalendertage; eine Karte, die am Tag ihrer Erstellung fertig wird, zählt 1 Tag. Der Median ist der mittlere Wert (bei gerader Anzahl der Mittelwert der beiden mittleren); die Perzentile sind beobachtete Werte nach dem nächsten Rang. Klicken Sie auf einen Punkt, um seine Karte zu öffnen.",
  "charts.time.neverStarted":
    "{count, plural, one {# abgeschlossene Karte wurde} other {# abgeschlossene Karten wurden}} nie begonnen, daher gilt die {metric, select, lead {Durchlaufzeit} reaction {Reaktionszeit} other {Bearbeitungszeit}} nicht.",
  "charts.time.distribution":
    "Verteilung der {metric, select, lead {Durchlaufzeit} reaction {Reaktionszeit} other {Bearbeitungszeit}}",
  "charts.time.distributionSummary":
    "Wie viele Karten wie viele Tage gebraucht haben ({metric, select, lead {Durchlaufzeit} reaction {Reaktionszeit} other {Bearbeitungszeit}}).",
  "charts.time.pointTitle": "{name} · {days}",
  "charts.time.moreRows": "… und {count, number} weitere",
  "charts.time.perStatus": "Zeit pro Status",
  "charts.time.daysSummed": "Tage, summiert über die abgeschlossenen Karten",
  "charts.time.share": "Anteil",
  "charts.time.shareValue": "{share, number} %",
  "charts.time.blocked": "Blockiert",
  "charts.time.blockedCards": "{count, plural, one {# Karte war blockiert} other {# Karten waren blockiert}}",
  "charts.time.deletedStatus": "Gelöschter Status",
  "charts.time.summaryNone":
    "Keine abgeschlossenen Karten mit einer {metric, select, lead {Durchlaufzeit} reaction {Reaktionszeit} other {Bearbeitungszeit}} im Zeitraum {period}.",
  "charts.time.summary":
    "{count, plural, one {# abgeschlossene Karte} other {# abgeschlossene Karten}} im Zeitraum {period}. {metric, select, lead {Durchlaufzeit} reaction {Reaktionszeit} other {Bearbeitungszeit}}: {parts}.",
  "charts.time.part.median": "Median {days}",
  "charts.time.part.p85": "85. Perzentil {days}",
  "charts.time.part.p95": "95. Perzentil {days}",
  "charts.time.part.average": "Durchschnitt {days}",

  "charts.flow.title": "Kumulativer Fluss",
  "charts.flow.loading": "Kumulativer Fluss wird geladen",
  "charts.flow.emptyTitle": "In diesem Zeitraum noch keine Karten",
  "charts.flow.emptyBody": "Der Fluss zeigt, wie viele Karten am Ende jedes Tages in jedem Status standen.",
  "charts.flow.figure": "Karten pro Status, Tag für Tag",
  "charts.flow.currentWip": "Aktuelle WIP",
  "charts.flow.averageWip": "Durchschnittliche WIP",
  "charts.flow.throughput": "Durchsatz",
  "charts.flow.throughputValue": "{rate} / Tag ({completed, number} abgeschlossen)",
  "charts.flow.averageCycle": "Durchschnittliche Bearbeitungszeit",
  "charts.flow.approximately": "≈ {duration}",
  "charts.flow.noCards": "In diesem Zeitraum gab es noch keine Karte.",
  "charts.flow.averagesOver": "Durchschnitte über {days, plural, one {# Tag} other {# Tage}} seit {date}.",
  "charts.flow.averagesOverFirst":
    "Durchschnitte über {days, plural, one {# Tag} other {# Tage}} seit {date}, als die erste Karte erstellt wurde.",
  "charts.flow.littleNote":
    "Die Bearbeitungszeit ist hier ein Näherungswert: durchschnittliche WIP geteilt durch den Durchsatz (Littles Gesetz), nicht pro Karte gemessen. Die Ansicht „Zeit“ misst sie.",
  "charts.flow.legend": "Status in der Reihenfolge des Boards",
  "charts.flow.statusCount": "{status} {count, number}",
  "charts.flow.noDays": "keine Tage",
  "charts.flow.cycleNone": "keine ungefähre Bearbeitungszeit (nichts wurde abgeschlossen)",
  "charts.flow.cycle": "ungefähre durchschnittliche Bearbeitungszeit {duration}",
  "charts.flow.measured":
    "Seit {date} ({days, plural, one {# Tag} other {# Tage}}): durchschnittliche WIP {wip}, {completed, plural, one {# Karte} other {# Karten}} abgeschlossen, {rate} pro Tag, {cycle}.",
  "charts.flow.summary": "{period}. Am letzten Tag: {byStatus}. Aktuelle WIP {wip, number}. {measured}",

  "charts.aging.title": "Alter der laufenden Arbeit",
  "charts.aging.loading": "Altersdiagramm wird geladen",
  "charts.aging.emptyTitle": "Kein Status „In Bearbeitung“",
  "charts.aging.emptyBody": "Das Altersdiagramm zeigt Karten in Status mit der Rolle „In Bearbeitung“.",
  "charts.aging.figure": "Alter der Karten in Bearbeitung",
  "charts.aging.expectation":
    "85 % der Karten wurden innerhalb von {p85, plural, one {# Tag} other {# Tagen}} fertig (Median {median}, {sample, plural, one {# Karte} other {# Karten}})",
  "charts.aging.noExpectation":
    "Noch nicht genug Verlauf für eine Erwartung ({sample, plural, one {# abgeschlossene Karte} other {# abgeschlossene Karten}}, mindestens 5 nötig)",
  "charts.aging.summary":
    "{expectation}. {count, plural, one {# Karte} other {# Karten}} in Bearbeitung, {atRisk, number} gefährdet.",
  "charts.aging.plot": "Karten in Bearbeitung nach Status und Alter in Tagen",
  "charts.aging.axis": "Alter (Tage)",
  "charts.aging.band":
    "{status}: {share, number} % der abgeschlossenen Karten verließen ihn bis Tag {day, number}",
  "charts.aging.passed": "{count, plural, one {# Karte durchlaufen} other {# Karten durchlaufen}}",
  "charts.aging.noHistory": "kein Verlauf",
  "charts.aging.targetLine": "Ziel {days, plural, one {# Tag} other {# Tage}}",
  "charts.aging.dot":
    "{name}: {age, number} T.{risk, select, on_track { · im Plan} at_risk { · gefährdet} breached { · über dem Service-Level} other {}} in {status}{blocked, select, yes {, blockiert} other {}}",
  "charts.aging.spaceTarget": "Ziel des Bereichs",
  "charts.aging.none": "keines",
  "charts.aging.note":
    "Alter und Bearbeitungszeiten sind Kalendertage ab dem ersten Start einer Karte, beide Enden mitgezählt (wie im Zeitdiagramm). Grün: unter dem Median; Gelb: darüber; Rot: über dem Ziel (dem eines Labels, sonst dem des Bereichs, sonst dem 85. Perzentil). Eine Raute ist eine blockierte Karte.",
  "charts.aging.bands": "Bänder",
  "charts.aging.band50": "bis zum 50. Perzentil",
  "charts.aging.band70": "50. bis 70.",
  "charts.aging.band85": "70. bis 85.",
  "charts.aging.band95": "85. bis 95.",
  "charts.aging.age": "Alter",
  "charts.aging.risk": "Risiko",
  "charts.aging.blocked": "Blockiert",
  "charts.aging.riskText":
    "{risk, select, on_track {im Plan} at_risk {gefährdet} breached {über dem Service-Level} other {–}}",
  "charts.aging.yes": "ja",

  "charts.serviceLevels.title": "Service-Level-Ziele",
  "charts.serviceLevels.note":
    "Kalendertage, die eine Karte in Bearbeitung bleiben darf. Leer: Es gilt das 85. Perzentil des Verlaufs dieses Bereichs.",
  "charts.serviceLevels.space": "Dieser Bereich",
  "charts.serviceLevels.label": "Label „{name}“",
  "charts.serviceLevels.row": "{label}: {days, number} T.",
  "charts.serviceLevels.rowNone": "{label}: kein Ziel",
  "charts.serviceLevels.invalid":
    "Geben Sie ganze Tage von {min, number} bis {max, number} ein oder lassen Sie das Feld leer.",
  "charts.serviceLevels.placeholder": "keines",
  "charts.serviceLevels.unit": "Tage",
};
