/** What the server writes, in German (addressing the reader as "Sie"). Keys and arguments as en.ts. */
import type { ServerMessages } from "./en.js";

export const de: ServerMessages = {
  // ---------- activity (describeEvent) ----------
  "activity.someone": "Jemand",
  "activity.quoted": "„{text}“",
  "activity.hiddenCard": "eine Karte, die Sie nicht sehen können",
  "activity.formerUser": "eine ehemalige Person",
  "activity.removedStatus": "ein entfernter Status",
  "activity.deletedCard": "eine gelöschte Karte",
  "activity.removedOption": "eine entfernte Option",
  "activity.openDate": "…",
  "activity.card.created": "{actor} hat {card} in {status} erstellt",
  "activity.card.reordered": "{actor} hat {card} umsortiert",
  "activity.card.moved": "{actor} hat {card} von {from} nach {to} verschoben",
  "activity.card.updated": "{actor} hat {card} geändert",
  "activity.card.changed": "{actor} hat {changes}",
  "activity.change.renamed": "{card} in {name} umbenannt",
  "activity.change.description": "die Beschreibung von {card} bearbeitet",
  "activity.change.archived": "{card} archiviert",
  "activity.change.restored": "{card} wiederhergestellt",
  "activity.change.responsible": "{person} für {card} verantwortlich gemacht",
  "activity.change.noResponsible": "die verantwortliche Person von {card} entfernt",
  "activity.change.coworkersAdded": "{people} als Mitwirkende bei {card} hinzugefügt",
  "activity.change.coworkersRemoved": "{people} als Mitwirkende bei {card} entfernt",
  "activity.change.dates": "die Termine von {card} auf {start} – {due} gesetzt",
  "activity.change.datesCleared": "die Termine von {card} entfernt",
  "activity.change.labels": "die Labels von {card} geändert",
  "activity.card.deleted": "{actor} hat {card} gelöscht",
  "activity.card.restored": "{actor} hat {card} wiederhergestellt",
  "activity.card.movedOut": "{actor} hat {card} in einen anderen Bereich verschoben",
  "activity.card.movedIn": "{actor} hat {card} von {from} nach {to} verschoben",
  "activity.card.movedInWithNotes": "{actor} hat {card} von {from} nach {to} verschoben; {notes}",
  "activity.movedIn.bothNotes": "{first}; {second}",
  "activity.movedIn.droppedLabels":
    "{count, plural, one {das Label} other {die Labels}} {labels} {count, plural, one {fiel} other {fielen}} weg (dort gibt es keines mit diesem Namen)",
  "activity.movedIn.removedPeople": "{people} wurden davon entfernt (sie können {space} nicht lesen)",
  "activity.todo.created": "{actor} hat {card} eine Aufgabe hinzugefügt",
  "activity.todo.done": "{actor} hat die Aufgabe {todo} auf {card} abgehakt",
  "activity.todo.reopened": "{actor} hat die Aufgabe {todo} auf {card} wieder geöffnet",
  "activity.todo.reordered": "{actor} hat die Aufgaben von {card} umsortiert",
  "activity.todo.edited": "{actor} hat die Aufgabe {todo} auf {card} bearbeitet",
  "activity.todo.removed": "{actor} hat die Aufgabe {todo} von {card} entfernt",
  "activity.todo.removedUnknown": "{actor} hat eine Aufgabe von {card} entfernt",
  "activity.comment.created": "{actor} hat {card} kommentiert",
  "activity.comment.updated": "{actor} hat einen Kommentar auf {card} bearbeitet",
  "activity.comment.deleted": "{actor} hat einen Kommentar auf {card} gelöscht",
  "activity.blocking.created": "{actor} hat {card} blockiert ({blocker}: {reason})",
  "activity.blocking.cleared": "{actor} hat die Blockade „{blocker}“ auf {card} aufgehoben",
  "activity.relation.parentMade": "{actor} hat {from} zur übergeordneten Karte von {to} gemacht",
  "activity.relation.parentRemoved": "{actor} hat {from} als übergeordnete Karte von {to} entfernt",
  "activity.relation.followMade": "{actor} hat {to} auf {from} folgen lassen",
  "activity.relation.followRemoved": "{actor} hat die Verknüpfung von {to} mit {from} gelöst",
  "activity.attachment.created": "{actor} hat {name} an {card} angehängt",
  "activity.attachment.renamed": "{actor} hat das Dokument {from} auf {card} in {to} umbenannt",
  "activity.attachment.cover": "{actor} hat {name} zum Titelbild von {card} gemacht",
  "activity.attachment.uncover": "{actor} hat {name} als Titelbild von {card} entfernt",
  "activity.attachment.deleted": "{actor} hat {name} von {card} entfernt",
  "activity.field.cleared": "{actor} hat {field} auf {card} geleert",
  "activity.field.set": "{actor} hat {field} auf {card} auf {value} gesetzt",

  // ---------- notification sentences (e-mails) ----------
  "notification.someCard": "eine Karte",
  "notification.mentioned": "{actor} hat Sie in {card} erwähnt",
  "notification.assignedResponsible": "{actor} hat Ihnen die Verantwortung für {card} übertragen",
  "notification.assignedCoworker": "{actor} hat Sie als Mitwirkende(n) zu {card} hinzugefügt",
  "notification.statusChanged": "{card} ist von {from} nach {to} gewechselt",
  "notification.statusChangedTo": "{card} ist nach {to} gewechselt",
  "notification.statusChangedAny": "{card} hat den Status geändert",
  "notification.blockedWhy": "{card} ist blockiert: {why}",
  "notification.blockedBoth": "{card} ist blockiert: {blocker} — {reason}",
  "notification.blocked": "{card} ist blockiert",
  "notification.unblockedBy": "{card} wird nicht mehr von {blocker} blockiert",
  "notification.unblocked": "{card} ist nicht mehr blockiert",
  "notification.commented": "{actor} hat {card} kommentiert",
  "notification.reminderNote": "Erinnerung: {card} – {note}",
  "notification.reminder": "Erinnerung: {card}",
  "notification.other": "Neues zu {card}",

  // ---------- e-mails ----------
  "mail.someone": "Jemand",
  "mail.linkLine": "{label}: {url}",
  "mail.pasteLink": "Oder kopieren Sie diesen Link in Ihren Browser: {url}",
  "mail.chooseMessages": "Wählen Sie, welche Nachrichten Sie erhalten",
  "mail.footerText": "{product}. Wählen Sie, welche Nachrichten Sie erhalten: {url}",
  "mail.invitation.subject": "{inviter} hat Sie zu {workspace} auf {product} eingeladen",
  "mail.invitation.subjectSpace": "{inviter} hat Sie zu {space} in {workspace} auf {product} eingeladen",
  "mail.invitation.body":
    "{inviter} hat Sie eingeladen, dem Arbeitsbereich „{workspace}“ auf {product} als {role, select, owner {Eigentümer:in} member {Mitglied} visitor {Gast} other {{role}}} beizutreten.",
  "mail.invitation.bodySpace":
    "{inviter} hat Sie in den Bereich „{space}“ des Arbeitsbereichs „{workspace}“ auf {product} eingeladen, als {role, select, owner {Eigentümer:in} member {Mitglied} visitor {Gast} other {{role}}} des Bereichs.",
  "mail.invitation.follow":
    "Folgen Sie dem Link, um Ihr Konto anzulegen, oder melden Sie sich an, wenn Sie schon eines haben. Sie landen dann im Arbeitsbereich.",
  "mail.invitation.followSpace":
    "Folgen Sie dem Link, um Ihr Konto anzulegen, oder melden Sie sich an, wenn Sie schon eines haben. Sie landen dann im Bereich.",
  "mail.invitation.action": "Einladung annehmen",
  "mail.invitation.note":
    "Der Link funktioniert einmal und läuft in {days, plural, one {# Tag} other {# Tagen}} ab. Wenn Sie ihn nicht erwartet haben, ignorieren Sie diese Nachricht.",
  "mail.reset.subject": "Neues Passwort für {product} festlegen",
  "mail.reset.hello": "Hallo {name},",
  "mail.reset.body":
    "jemand (hoffentlich Sie) möchte ein neues Passwort für Ihr {product}-Konto festlegen. Damit werden Sie überall abgemeldet.",
  "mail.reset.action": "Neues Passwort festlegen",
  "mail.reset.note":
    "Der Link funktioniert einmal und läuft in {minutes, plural, one {# Minute} other {# Minuten}} ab. Wenn Sie ihn nicht angefordert haben, ignorieren Sie diese Nachricht: Ihr Passwort bleibt, wie es ist.",
  "mail.topic.mentioned": "Erwähnungen von Ihnen",
  "mail.topic.assigned": "Zuweisungen als verantwortliche oder mitwirkende Person",
  "mail.topic.reminder": "Ihre Erinnerungen",
  "mail.topic.blocked": "blockierte oder freigegebene Karten von Ihnen",
  "mail.topic.commented": "Kommentare zu Karten, denen Sie folgen",
  "mail.topic.status_changed": "Statuswechsel von Karten, denen Sie folgen",
  "mail.notification.sentence": "{text}.",
  "mail.notification.action": "Karte öffnen",
  "mail.notification.note":
    "Sie erhalten dies, weil Sie über {topic} sofort per E-Mail informiert werden möchten.",
  "mail.notification.stop": "Keine E-Mails mehr über {topic}",
  "mail.digest.subject":
    "Ihre {product}-Übersicht für {date}: {count, plural, one {# Sache} other {# Sachen}} zum Ansehen",
  "mail.digest.greeting": "Guten Morgen {name}, das braucht heute Ihre Aufmerksamkeit.",
  "mail.digest.action": "Meine Arbeit öffnen",
  "mail.digest.note": "Sie erhalten dies jeden Morgen, an dem es etwas zu berichten gibt.",
  "mail.digest.stop": "Tägliche Übersicht abbestellen",
  "mail.digest.dueToday": "Heute fällig",
  "mail.digest.late": "Überfällig",
  "mail.digest.lateItem": "{card} (fällig am {date})",
  "mail.digest.blocked": "Blockiert und von Ihnen zu lösen",
  "mail.digest.atRisk": "In Arbeit und gefährdet",
  "mail.digest.atRiskItem":
    "{card} ({days, number} T. · {risk, select, breached {über dem Service-Level} other {gefährdet}})",
  "mail.digest.mentions": "Ungelesene Erwähnungen",
  "mail.digest.since": "Seit Ihrer letzten Übersicht",

  // ---------- iCalendar feeds (calendar-feeds.ts; repeat-summary.ts says the ical.repeat.* ones) ----------
  "ical.calendar.mine": "Meine Karten · {product}",
  "ical.calendar.space": "{space} · {product}",
  "ical.event.line": "{space} · {detail}",
  "ical.event.repeats": "{card} (wiederholt sich)",
  "ical.event.notMadeYet":
    "Noch nicht angelegt: {createWhen, select, completed {Die Karte erscheint, sobald die vorherige erledigt ist} other {Die Karte erscheint {days, plural, one {# Tag} other {# Tage}} vor ihrem Datum}}.",
  "ical.repeat.summary":
    "Wiederholt sich {rule}{end, select, after {, {count, plural, one {#-mal} other {#-mal}}} on {, bis {until}} other {}}; {hasNext, select, yes {nächstes Mal am {next}} other {kein weiteres Mal}}",
  "ical.repeat.rule.daily": "{interval, plural, one {jeden Tag} other {alle # Tage}}",
  "ical.repeat.rule.weekly": "{interval, plural, one {jede Woche} other {alle # Wochen}}",
  "ical.repeat.rule.weekdays": "jeden Werktag",
  "ical.repeat.rule.weeklyOn":
    "{interval, plural, one {jede Woche am {days}} other {alle # Wochen am {days}}}",
  "ical.repeat.rule.monthly": "{interval, plural, one {jeden Monat} other {alle # Monate}}",
  "ical.repeat.rule.monthlyDay":
    "{interval, plural, one {jeden Monat} other {alle # Monate}} am {day, selectordinal, one {#.} other {#.}}",
  "ical.repeat.rule.monthlyLastDay":
    "{interval, plural, one {jeden Monat} other {alle # Monate}} am letzten Tag",
  "ical.repeat.rule.monthlyWeekday":
    "{interval, plural, one {jeden {weekday}} other {alle # Monate am {weekday}}}",
  "ical.repeat.rule.yearly": "{interval, plural, one {jedes Jahr} other {alle # Jahre}}",
  "ical.repeat.rule.yearlyOn":
    "{interval, plural, one {jedes Jahr am {date}} other {alle # Jahre am {date}}}",
  "ical.repeat.rule.custom": "nach einer eigenen Regel ({rule})",
  "ical.repeat.nthWeekday": "{n, selectordinal, one {#.} other {#.}} {weekday}",
  "ical.repeat.lastWeekday": "letzten {weekday}",
  "ical.repeat.nthLastWeekday": "{n, selectordinal, one {#.} other {#.}}-letzten {weekday}",
  // ---------- refusals ----------
  "refusal.notFound.attachment": "Anhang nicht gefunden",
  "refusal.notFound.blocking": "Blockierung nicht gefunden",
  "refusal.notFound.card": "Karte nicht gefunden",
  "refusal.notFound.column": "Spalte nicht gefunden",
  "refusal.notFound.comment": "Kommentar nicht gefunden",
  "refusal.notFound.label": "Label nicht gefunden",
  "refusal.notFound.relation": "Beziehung nicht gefunden",
  "refusal.notFound.savedView": "Gespeicherte Ansicht nicht gefunden",
  "refusal.notFound.space": "Bereich nicht gefunden",
  "refusal.notFound.todo": "To-do nicht gefunden",
  "refusal.notFound.workspace": "Arbeitsbereich nicht gefunden",
  "refusal.notFound.account": "Konto nicht gefunden",
  "refusal.auth.ssoSignup":
    "Konten werden auf dieser Instanz durch die Anmeldung mit Single Sign-on angelegt",
  "refusal.invitation.accountExists":
    "Für diese Adresse gibt es bereits ein Konto; melden Sie sich an, um die Einladung anzunehmen",
  "refusal.mySpace.archived": "Eine archivierte Karte kann nicht in Mein Bereich gelegt werden",
  "refusal.auth.wrongCredentials": "E-Mail-Adresse oder Passwort ist falsch",
  "refusal.spaceInvitation.public":
    "Alle im Arbeitsbereich sehen diesen Bereich; laden Sie stattdessen in den Arbeitsbereich ein oder machen Sie den Bereich privat",
  "refusal.workspace.everyoneMember": "Alle auf dieser Instanz sind bereits Mitglied",
  "refusal.auth.logIn": "Melden Sie sich an, um fortzufahren",
  "refusal.notFound.member": "Mitglied nicht gefunden",
  "refusal.mySpace.lastColumn": "Mein Bereich behält mindestens eine Spalte",
  "refusal.notFound.calendarFeed": "Diesen Kalender-Feed gibt es nicht",
  "refusal.notFound.invitation": "Diese offene Einladung gibt es nicht",
  "refusal.notFound.session": "Diese Sitzung gibt es nicht",
  "refusal.notFound.trash": "Im Papierkorb ist nichts mit dieser ID",
  "refusal.notFound.blockerType": "Blockierungsart auf Abruf nicht gefunden",
  "refusal.accounts.adminOnly": "Nur Administratoren der Instanz dürfen Konten sehen und verwalten",
  "refusal.mail.adminOnly": "Nur Administratoren der Instanz können den Postausgang lesen",
  "refusal.trash.restoreForbidden": "Nur Eigentümer (oder wer es gelöscht hat) dürfen dies wiederherstellen",
  "refusal.trash.purgeForbidden": "Nur Eigentümer dürfen dies endgültig löschen",
  "refusal.comment.authorOnly": "Nur die verfassende Person kann einen Kommentar ändern oder löschen",
  "refusal.blockers.adminOnly":
    "Nur Administratoren der Instanz verwalten globale Blockierungen und solche auf Abruf",
  "refusal.attachment.forbidden":
    "Nur wer es angehängt hat, die verantwortliche Person der Karte oder Eigentümer des Bereichs können ein Dokument umbenennen oder entfernen",
  "refusal.origin.clientHeader":
    "Senden Sie Änderungen als application/json oder mit dem Header X-Lattice-Client",
  "refusal.auth.passwordOff":
    "Die Anmeldung mit Passwort ist hier ausgeschaltet; verwenden Sie Single Sign-on",
  "refusal.auth.ssoMissing": "Single Sign-on ist auf dieser Instanz nicht eingerichtet",
  "refusal.notFound.spaceMember": "Mitglied des Bereichs nicht gefunden",
  "refusal.notFound.template": "Vorlage nicht gefunden",
  "refusal.move.movedMeanwhile":
    "Die Karte wurde inzwischen in einen anderen Bereich verschoben; versuchen Sie es erneut",
  "refusal.auth.deactivated":
    "Dieses Konto wurde deaktiviert; wenden Sie sich an die Administration dieser Instanz",
  "refusal.repeat.movedOn":
    "Die Serie dieser Karte geht mit dem nächsten Vorkommen weiter: ändern Sie die Wiederholung dort",
  "refusal.invitation.invalidLink": "Dieser Einladungslink ist ungültig; bitten Sie um eine neue Einladung",
  "refusal.members.lastOwner":
    "Dies ist der einzige Eigentümer; machen Sie zuerst jemand anderen zum Eigentümer",
  "refusal.mail.badUnsubscribe":
    "Dieser Abmeldelink funktioniert nicht: Er ist vielleicht gekürzt oder verändert. Wählen Sie stattdessen in Ihren Kontoeinstellungen, welche Nachrichten Sie erhalten.",
  "refusal.auth.tooManyAttempts":
    "Zu viele fehlgeschlagene Versuche von dieser Adresse; warten Sie eine Weile",
  "refusal.workspace.alreadyMember": "Sie sind bereits Mitglied dieses Arbeitsbereichs",
  "refusal.members.alreadyMember": "{name} ist bereits Mitglied dieses Arbeitsbereichs",
  "refusal.spaceMembers.alreadyMember": "{name} ist bereits Mitglied dieses Bereichs",
  "refusal.mySpace.columnsMax":
    "Mein Bereich hat höchstens {count, plural, one {# Spalte} other {# Spalten}}",
  "refusal.mySpace.cardsMax": "Mein Bereich fasst höchstens {count, plural, one {# Karte} other {# Karten}}",
  "refusal.trash.notInTrash": "„{name}“ ist nicht im Papierkorb",
  "refusal.trash.noColumn": "Der Bereich „{space}“ hat keine Spalte, in die es passt",
  "refusal.notFound.field": "Feld nicht gefunden",
  "refusal.notFound.status": "Status nicht gefunden",
  "refusal.accounts.ownAccount": "Sie können Ihr eigenes Konto nicht deaktivieren",
  "refusal.auth.emailTaken": "Ein Konto mit dieser E-Mail-Adresse gibt es bereits",
  "refusal.auth.wrongPassword": "Das aktuelle Passwort ist falsch",
  "refusal.auth.unauthenticated": "Sie müssen sich anmelden",
  "refusal.forbidden.visitor": "Gäste können lesen und kommentieren, dies aber nicht ändern",
  "refusal.forbidden.role":
    "Ihre Rolle ({role, select, owner {Eigentümer} member {Mitglied} visitor {Gast} other {{role}}}) erlaubt das nicht",
  "refusal.separator.semicolon": "; ",
  "refusal.relation.exists": "Diese Karten sind bereits auf diese Weise verbunden",
  "refusal.relation.cycle": "Dadurch entstünde ein Kreis: {cards}",
  "refusal.relation.cycleCard": "„{card}“",
  "refusal.relation.isParentOf": " ist übergeordnet zu ",
  "refusal.relation.comesBefore": " kommt vor ",
  "refusal.card.blocked":
    "Die Karte ist blockiert; lösen Sie ihre Blockierungen, bevor Sie den Status ändern",
  "refusal.card.blockedBy":
    "Die Karte ist blockiert durch {blockers}; lösen Sie {count, plural, one {diese Blockierung} other {diese Blockierungen}}, bevor Sie den Status ändern",
  "refusal.card.blocker": "{blocker} ({reason})",
  "refusal.blocking.cleared": "Diese Blockierung wurde bereits gelöst",
  "refusal.move.cannotAdd": "Sie können keine Karten zu {space} hinzufügen",
  "refusal.move.noStatus": "{space} hat keinen Status, in den die Karte passt",
  "refusal.move.blocked":
    "Die Karte ist blockiert; bis ihre Blockierungen gelöst sind, kann sie nur in einen Status derselben Rolle wechseln",
  "refusal.move.crossWorkspace":
    "Ihre Beziehungen würden Arbeitsbereiche überspannen; entfernen Sie diese zuerst",
  "refusal.status.notEmpty":
    "„{status}“ enthält noch {count, plural, one {# Karte} other {# Karten}}, archivierte eingeschlossen; verschieben oder löschen Sie diese zuerst",
  "refusal.status.last": "Ein Bereich braucht mindestens einen Status",
  "refusal.repeat.noFurther": "Die Serie hat kein weiteres Vorkommen",
  "refusal.repeat.noStatus": "Der Bereich hat keinen Status",
  // ---------- words the server writes into data: new spaces' columns, notes in replies ----------
  "words.status.toDo": "Zu erledigen",
  "words.status.doing": "In Arbeit",
  "words.status.done": "Erledigt",
  "words.mySpace.toDo": "Zu erledigen",
  "words.mySpace.thisWeek": "Diese Woche",
  "words.mySpace.doing": "In Arbeit",
  "words.mySpace.done": "Erledigt",
  "words.trash.topLevel": "Oberste Ebene",
  "words.import.untitledList": "Liste ohne Namen",
  "words.import.untitledCard": "Karte ohne Namen",
  "words.import.csvName": "Importierte Karten",
  "note.trash.columnGone": "Ihre Spalte gibt es nicht mehr: Sie liegt jetzt in „{column}“",
  "note.trash.folderGone": "Sein Ordner „{folder}“ existiert nicht mehr: Er liegt jetzt auf oberster Ebene",
  "note.template.peopleNotInWorkspace":
    "{people, plural, one {# in der Vorlage genannte Person ist} other {# in der Vorlage genannte Personen sind}} nicht Mitglied dieses Arbeitsbereichs und {people, plural, one {wurde} other {wurden}} bei {cards, plural, one {# Karte} other {# Karten}} weggelassen.",
  "note.template.datesOutside":
    "{count, plural, one {# Datum läge} other {# Daten lägen}} außerhalb von {min} – {max} und {count, plural, one {wurde} other {wurden}} weggelassen.",
  "note.template.peopleNotInSpace":
    "{count, plural, one {# in der Vorlage genannte Person ist} other {# in der Vorlage genannte Personen sind}} nicht mehr Mitglied dieses Bereichs und {count, plural, one {wurde} other {wurden}} weggelassen.",
  "note.template.labelsGone":
    "{count, plural, one {# Label der Vorlage gibt es nicht mehr; es wurde} other {# Labels der Vorlage gibt es nicht mehr; sie wurden}} weggelassen.",
  "note.import.startsAfterDue":
    "{count, plural, one {# Karte begann} other {# Karten begannen}} nach dem Fälligkeitsdatum; das Startdatum wurde weggelassen.",
  "note.csv.nameless":
    "{count, plural, one {# Zeile hat keinen Namen und wurde} other {# Zeilen haben keinen Namen und wurden}} weggelassen.",
  "note.csv.badDays":
    "{count, plural, one {# Zeile hat ein Datum, das nicht gelesen werden konnte; es blieb} other {# Zeilen haben Daten, die nicht gelesen werden konnten; sie blieben}} leer.",
  "note.csv.cutNames":
    "{count, plural, one {# Name war} other {# Namen waren}} länger als {max, number} Zeichen und {count, plural, one {wurde} other {wurden}} gekürzt.",
  "note.csv.unmatchedPeople":
    "{count, plural, one {# verantwortliche Person ist} other {# verantwortliche Personen sind}} nicht in diesem Arbeitsbereich ({people}): Ihre Karten haben keine verantwortliche Person.",
  "note.csv.row.nameless": "Kein Name: Die Zeile wird weggelassen.",
  "note.csv.row.nameCut": "Der Name ist länger als {max, number} Zeichen und wird gekürzt.",
  "note.csv.row.badStart": "Der Start „{value}“ ist kein Tag: Er bleibt leer.",
  "note.csv.row.badDue": "Das Fälligkeitsdatum „{value}“ ist kein Tag: Es bleibt leer.",
  "note.csv.row.startsAfterDue": "Sie beginnt nach ihrem Fälligkeitsdatum: Der Start wird weggelassen.",
  "note.csv.row.unknownPerson": "„{person}“ ist nicht in diesem Arbeitsbereich: Niemand ist verantwortlich.",
  "note.trello.closedLists":
    "{lists, plural, one {# geschlossene Liste wurde} other {# geschlossene Listen wurden}} weggelassen; {cards, plural, one {ihre # Karte kommt} other {ihre # Karten kommen}} archiviert in „{status}“ an.",
  "note.trello.completeInOpenLists":
    "{count, plural, one {# Karte war} other {# Karten waren}} in Trello als abgeschlossen markiert, liegen aber in einer nicht erledigten Liste; sie bleiben in ihrer Liste.",
  "note.trello.cutNames":
    "{count, plural, one {# Kartenname war} other {# Kartennamen waren}} länger als {max, number} Zeichen und {count, plural, one {wurde} other {wurden}} gekürzt.",
  "note.trello.cutDescriptions":
    "{count, plural, one {# Beschreibung wurde} other {# Beschreibungen wurden}} auf {max, number} Zeichen gekürzt.",
  "note.trello.cutComments":
    "{count, plural, one {# Kommentar wurde} other {# Kommentare wurden}} auf {max, number} Zeichen gekürzt.",
  "note.trello.droppedLinks":
    "{count, plural, one {# Anhang hatte keinen Weblink und wurde} other {# Anhänge hatten keinen Weblink und wurden}} weggelassen.",
  "note.trello.links":
    "Dateien können nicht im Trello-Export mitkommen: {count, plural, one {# Anhang-Link wurde} other {# Anhang-Links wurden}} den Beschreibungen der Karten hinzugefügt.",
  "note.trello.unmatchedMembers":
    "{count, plural, one {# Trello-Mitglied ist} other {# Trello-Mitglieder sind}} nicht in diesem Arbeitsbereich: Ihre Karten haben niemanden an ihrer Stelle, und ihre Kommentare behalten ihren Namen.",
  "note.trello.actionsCapped":
    "Der Trello-Export enthält nur die neuesten {max, number} Aktionen, ältere Kommentare sind daher nicht in der Datei.",
};
