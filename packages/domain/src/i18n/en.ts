/**
 * What the server writes, in English (the source): activity sentences, notification sentences and
 * e-mails. ICU MessageFormat; names, card titles and to-do texts are arguments, never glued on. A
 * literal apostrophe is written `''`. German and Arabic (de.ts, ar.ts) have exactly these keys and
 * arguments (i18n.test.ts checks it).
 */
export const en = {
  // ---------- activity (describeEvent) ----------
  "activity.someone": "Someone",
  "activity.quoted": "''{text}''",
  "activity.hiddenCard": "a card you cannot see",
  "activity.formerUser": "a former user",
  "activity.removedStatus": "a removed status",
  "activity.deletedCard": "a deleted card",
  "activity.removedOption": "a removed option",
  "activity.openDate": "…",
  "activity.card.created": "{actor} created {card} in {status}",
  "activity.card.reordered": "{actor} reordered {card}",
  "activity.card.moved": "{actor} moved {card} from {from} to {to}",
  "activity.card.updated": "{actor} updated {card}",
  "activity.card.changed": "{actor} {changes}",
  "activity.change.renamed": "renamed {card} to {name}",
  "activity.change.description": "edited the description of {card}",
  "activity.change.archived": "archived {card}",
  "activity.change.restored": "restored {card}",
  "activity.change.responsible": "made {person} responsible for {card}",
  "activity.change.noResponsible": "removed the responsible person from {card}",
  "activity.change.coworkersAdded": "added {people} as co-worker on {card}",
  "activity.change.coworkersRemoved": "removed {people} as co-worker from {card}",
  "activity.change.dates": "set the dates of {card} to {start} – {due}",
  "activity.change.datesCleared": "cleared the dates of {card}",
  "activity.change.labels": "changed the labels of {card}",
  "activity.card.deleted": "{actor} deleted {card}",
  "activity.card.restored": "{actor} restored {card}",
  "activity.card.movedOut": "{actor} moved {card} to another space",
  "activity.card.movedIn": "{actor} moved {card} from {from} to {to}",
  "activity.card.movedInWithNotes": "{actor} moved {card} from {from} to {to}; {notes}",
  "activity.movedIn.bothNotes": "{first}; {second}",
  "activity.movedIn.droppedLabels":
    "dropped the {count, plural, one {label} other {labels}} {labels} (none of that name there)",
  "activity.movedIn.removedPeople": "took {people} off it (they cannot read {space})",
  "activity.todo.created": "{actor} added a to-do to {card}",
  "activity.todo.done": "{actor} ticked off the to-do {todo} on {card}",
  "activity.todo.reopened": "{actor} reopened the to-do {todo} on {card}",
  "activity.todo.reordered": "{actor} reordered the to-dos of {card}",
  "activity.todo.edited": "{actor} edited the to-do {todo} on {card}",
  "activity.todo.removed": "{actor} removed the to-do {todo} from {card}",
  "activity.todo.removedUnknown": "{actor} removed a to-do from {card}",
  "activity.comment.created": "{actor} commented on {card}",
  "activity.comment.updated": "{actor} edited a comment on {card}",
  "activity.comment.deleted": "{actor} deleted a comment on {card}",
  "activity.blocking.created": "{actor} blocked {card} ({blocker}: {reason})",
  "activity.blocking.cleared": "{actor} cleared the {blocker} blocker on {card}",
  "activity.relation.parentMade": "{actor} made {from} the parent of {to}",
  "activity.relation.parentRemoved": "{actor} removed {from} as parent of {to}",
  "activity.relation.followMade": "{actor} made {to} follow {from}",
  "activity.relation.followRemoved": "{actor} unlinked {to} from {from}",
  "activity.attachment.created": "{actor} attached {name} to {card}",
  "activity.attachment.renamed": "{actor} renamed the document {from} to {to} on {card}",
  "activity.attachment.cover": "{actor} made {name} the cover of {card}",
  "activity.attachment.uncover": "{actor} removed {name} as the cover of {card}",
  "activity.attachment.deleted": "{actor} removed {name} from {card}",
  "activity.field.cleared": "{actor} cleared {field} on {card}",
  "activity.field.set": "{actor} set {field} to {value} on {card}",

  // ---------- notification sentences (e-mails) ----------
  "notification.someCard": "a card",
  "notification.mentioned": "{actor} mentioned you on {card}",
  "notification.assignedResponsible": "{actor} made you responsible for {card}",
  "notification.assignedCoworker": "{actor} added you as a co-worker on {card}",
  "notification.statusChanged": "{card} moved from {from} to {to}",
  "notification.statusChangedTo": "{card} moved to {to}",
  "notification.statusChangedAny": "{card} changed status",
  "notification.blockedWhy": "{card} is blocked: {why}",
  "notification.blockedBoth": "{card} is blocked: {blocker} — {reason}",
  "notification.blocked": "{card} is blocked",
  "notification.unblockedBy": "{card} is no longer blocked by {blocker}",
  "notification.unblocked": "{card} is no longer blocked",
  "notification.commented": "{actor} commented on {card}",
  "notification.reminderNote": "Reminder: {card} — {note}",
  "notification.reminder": "Reminder: {card}",
  "notification.other": "Update on {card}",

  // ---------- e-mails ----------
  "mail.someone": "Someone",
  "mail.linkLine": "{label}: {url}",
  "mail.pasteLink": "Or paste this link into your browser: {url}",
  "mail.chooseMessages": "Choose which messages you get",
  "mail.footerText": "{product}. Choose which messages you get: {url}",
  "mail.invitation.subject": "{inviter} invited you to {workspace} on {product}",
  "mail.invitation.subjectSpace": "{inviter} invited you to {space} in {workspace} on {product}",
  "mail.invitation.body":
    '{inviter} invited you to join the workspace "{workspace}" on {product} as {role, select, owner {an owner} member {a member} visitor {a visitor} other {a {role}}}.',
  "mail.invitation.bodySpace":
    '{inviter} invited you to the space "{space}" of the workspace "{workspace}" on {product} as {role, select, owner {an owner} member {a member} visitor {a visitor} other {a {role}}} of the space.',
  "mail.invitation.follow":
    "Follow the link to create your account, or sign in if you have one, and you will land in the workspace.",
  "mail.invitation.followSpace":
    "Follow the link to create your account, or sign in if you have one, and you will land in the space.",
  "mail.invitation.action": "Accept the invitation",
  "mail.invitation.note":
    "The link works once and expires in {days, plural, one {# day} other {# days}}. If you did not expect it, ignore this message.",
  "mail.reset.subject": "Set a new {product} password",
  "mail.reset.hello": "Hello {name},",
  "mail.reset.body":
    "someone (hopefully you) asked to set a new password for your {product} account. Setting it signs you out everywhere.",
  "mail.reset.action": "Set a new password",
  "mail.reset.note":
    "The link works once and expires in {minutes, plural, one {# minute} other {# minutes}}. If you did not ask for it, ignore this message: your password stays as it is.",
  "mail.topic.mentioned": "mentions of you",
  "mail.topic.assigned": "being made responsible or a co-worker",
  "mail.topic.reminder": "your reminders",
  "mail.topic.blocked": "your cards being blocked or unblocked",
  "mail.topic.commented": "comments on cards you follow",
  "mail.topic.status_changed": "status changes of cards you follow",
  "mail.notification.sentence": "{text}.",
  "mail.notification.action": "Open the card",
  "mail.notification.note": "You get this because you chose to hear about {topic} by e-mail at once.",
  "mail.notification.stop": "Stop e-mails about {topic}",
  "mail.digest.subject":
    "Your {product} digest for {date}: {count, plural, one {# thing} other {# things}} to look at",
  "mail.digest.greeting": "Good morning {name}, here is what needs you today.",
  "mail.digest.action": "Open my work",
  "mail.digest.note": "You get this every morning there is something to say.",
  "mail.digest.stop": "Stop the daily digest",
  "mail.digest.dueToday": "Due today",
  "mail.digest.late": "Late",
  "mail.digest.lateItem": "{card} (due {date})",
  "mail.digest.blocked": "Blocked, and yours to see through",
  "mail.digest.atRisk": "In progress and at risk",
  "mail.digest.atRiskItem":
    "{card} ({days, number} d · {risk, select, breached {past its service level} other {at risk}})",
  "mail.digest.mentions": "Unread mentions",
  "mail.digest.since": "Since your last digest",

  // ---------- iCalendar feeds (calendar-feeds.ts; repeat-summary.ts says the ical.repeat.* ones) ----------
  "ical.calendar.mine": "My cards · {product}",
  "ical.calendar.space": "{space} · {product}",
  "ical.event.line": "{space} · {detail}",
  "ical.event.repeats": "{card} (repeats)",
  "ical.event.notMadeYet":
    "Not made yet: the card appears {createWhen, select, completed {when the one before it is completed} other {{days, plural, one {# day} other {# days}} before its date}}.",
  "ical.repeat.summary":
    "Repeats {rule}{end, select, after {, {count, plural, one {# time} other {# times}}} on {, until {until}} other {}}; {hasNext, select, yes {next {next}} other {no further occurrence}}",
  "ical.repeat.rule.daily": "{interval, plural, one {every day} other {every # days}}",
  "ical.repeat.rule.weekly": "{interval, plural, one {every week} other {every # weeks}}",
  "ical.repeat.rule.weekdays": "every weekday",
  "ical.repeat.rule.weeklyOn":
    "{interval, plural, one {every week on {days}} other {every # weeks on {days}}}",
  "ical.repeat.rule.monthly": "{interval, plural, one {every month} other {every # months}}",
  "ical.repeat.rule.monthlyDay":
    "{interval, plural, one {every month} other {every # months}} on the {day, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}",
  "ical.repeat.rule.monthlyLastDay":
    "{interval, plural, one {every month} other {every # months}} on the last day",
  "ical.repeat.rule.monthlyWeekday":
    "{interval, plural, one {every {weekday}} other {every # months on the {weekday}}}",
  "ical.repeat.rule.yearly": "{interval, plural, one {every year} other {every # years}}",
  "ical.repeat.rule.yearlyOn":
    "{interval, plural, one {every year on {date}} other {every # years on {date}}}",
  "ical.repeat.rule.custom": "on a custom rule ({rule})",
  "ical.repeat.nthWeekday": "{n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} {weekday}",
  "ical.repeat.lastWeekday": "last {weekday}",
  "ical.repeat.nthLastWeekday":
    "{n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} to last {weekday}",
  // ---------- refusals (DomainError: what a command refuses, shown as problem detail and toast) ----------
  "refusal.notFound.attachment": "Attachment not found",
  "refusal.notFound.blocking": "Blocking not found",
  "refusal.notFound.card": "Card not found",
  "refusal.notFound.column": "Column not found",
  "refusal.notFound.comment": "Comment not found",
  "refusal.notFound.label": "Label not found",
  "refusal.notFound.relation": "Relation not found",
  "refusal.notFound.savedView": "Saved view not found",
  "refusal.notFound.space": "Space not found",
  "refusal.notFound.todo": "To-do not found",
  "refusal.notFound.workspace": "Workspace not found",
  "refusal.notFound.account": "Account not found",
  "refusal.auth.ssoSignup": "Accounts on this instance are made by signing in with single sign-on",
  "refusal.invitation.accountExists":
    "An account with this address already exists; sign in to accept the invitation",
  "refusal.mySpace.archived": "An archived card cannot be put on My space",
  "refusal.auth.wrongCredentials": "Email or password is wrong",
  "refusal.spaceInvitation.public":
    "Everyone in the workspace sees this space; invite people to the workspace instead, or make the space private",
  "refusal.workspace.everyoneMember": "Everyone on this instance is already a member of it",
  "refusal.auth.logIn": "Log in to continue",
  "refusal.notFound.member": "Member not found",
  "refusal.mySpace.lastColumn": "My space keeps at least one column",
  "refusal.notFound.calendarFeed": "No such calendar feed",
  "refusal.notFound.invitation": "No such pending invitation",
  "refusal.notFound.session": "No such session",
  "refusal.notFound.trash": "Nothing in the trash with this id",
  "refusal.notFound.blockerType": "On-demand blocker type not found",
  "refusal.accounts.adminOnly": "Only an instance administrator may see and manage accounts",
  "refusal.mail.adminOnly": "Only instance administrators can read the outbox",
  "refusal.trash.restoreForbidden": "Only owners (or who deleted it) may restore this",
  "refusal.trash.purgeForbidden": "Only owners may delete this for good",
  "refusal.comment.authorOnly": "Only the author can change or delete a comment",
  "refusal.blockers.adminOnly": "Only the instance administrator manages global and on-demand blockers",
  "refusal.attachment.forbidden":
    "Only the person who attached it, the card''s responsible person or a space owner can rename or remove a document",
  "refusal.origin.clientHeader": "Send changes as application/json or with the X-Lattice-Client header",
  "refusal.auth.passwordOff": "Signing in with a password is turned off here; use single sign-on",
  "refusal.auth.ssoMissing": "Single sign-on is not configured on this instance",
  "refusal.notFound.spaceMember": "Space member not found",
  "refusal.notFound.template": "Template not found",
  "refusal.move.movedMeanwhile": "The card moved to another space meanwhile; try again",
  "refusal.auth.deactivated": "This account has been deactivated; ask an administrator of this instance",
  "refusal.repeat.movedOn": "This card''s series goes on with its next occurrence: change the repeat there",
  "refusal.invitation.invalidLink": "This invitation link is not valid; ask for a new invitation",
  "refusal.members.lastOwner": "This is the only owner; make someone else owner first",
  "refusal.mail.badUnsubscribe":
    "This unsubscribe link does not work: it may be cut short or altered. Choose which messages you get in your account settings instead.",
  "refusal.auth.tooManyAttempts": "Too many failed attempts from this address; wait a while",
  "refusal.workspace.alreadyMember": "You are already a member of this workspace",
  "refusal.members.alreadyMember": "{name} is already a member of this workspace",
  "refusal.spaceMembers.alreadyMember": "{name} is already a member of this space",
  "refusal.mySpace.columnsMax": "My space has at most {count, plural, one {# columns} other {# columns}}",
  "refusal.mySpace.cardsMax": "My space holds at most {count, plural, one {# cards} other {# cards}}",
  "refusal.trash.notInTrash": "“{name}” is not in the trash",
  "refusal.trash.noColumn": "The space “{space}” has no column to put it in",
  "refusal.notFound.field": "Field not found",
  "refusal.notFound.status": "Status not found",
  "refusal.accounts.ownAccount": "You cannot deactivate your own account",
  "refusal.auth.emailTaken": "An account with this email already exists",
  "refusal.auth.wrongPassword": "The current password is wrong",
  "refusal.auth.unauthenticated": "You need to log in",
  "refusal.forbidden.visitor": "Visitors can read and comment but not change this",
  "refusal.forbidden.role": "Your role ({role}) does not allow this",
  "refusal.separator.semicolon": "; ",
  "refusal.relation.exists": "These cards are already related this way",
  "refusal.relation.cycle": "This would close a cycle: {cards}",
  "refusal.relation.cycleCard": "''{card}''",
  "refusal.relation.isParentOf": " is parent of ",
  "refusal.relation.comesBefore": " comes before ",
  "refusal.card.blocked": "It is blocked; clear its blockers before changing its status",
  "refusal.card.blockedBy":
    "It is blocked by {blockers}; clear {count, plural, one {it} other {them}} before changing its status",
  "refusal.card.blocker": "{blocker} ({reason})",
  "refusal.blocking.cleared": "This blocking was already cleared",
  "refusal.move.cannotAdd": "You cannot add cards to {space}",
  "refusal.move.noStatus": "{space} has no status to put the card in",
  "refusal.move.blocked":
    "It is blocked; it can move only into a status of the same role until its blockers are cleared",
  "refusal.move.crossWorkspace": "Its relations would cross workspaces; remove them first",
  "refusal.status.notEmpty":
    '"{status}" still holds {count, plural, one {# card(s)} other {# card(s)}}, archived ones included; move or delete them first',
  "refusal.status.last": "A space needs at least one status",
  "refusal.repeat.noFurther": "The series has no further occurrence",
  "refusal.repeat.noStatus": "The space has no status",
  // ---------- words the server writes into data: new spaces' columns, notes in replies ----------
  "words.status.toDo": "To Do",
  "words.status.doing": "Doing",
  "words.status.done": "Done",
  "words.mySpace.toDo": "To do",
  "words.mySpace.thisWeek": "This week",
  "words.mySpace.doing": "Doing",
  "words.mySpace.done": "Done",
  "words.trash.topLevel": "Top level",
  "words.import.untitledList": "Untitled list",
  "words.import.untitledCard": "Untitled card",
  "words.import.csvName": "Imported cards",
  "note.trash.columnGone": "Its column is gone: it is in “{column}”",
  "note.trash.folderGone": "Its folder “{folder}” is gone: it is at the top level",
  "note.template.peopleNotInWorkspace":
    "{people, plural, one {# person named in the template is} other {# people named in the template are}} not a member of this workspace and {people, plural, one {was} other {were}} left out of {cards, plural, one {# card} other {# cards}}.",
  "note.template.datesOutside":
    "{count, plural, one {# date} other {# dates}} would fall outside {min} – {max} and {count, plural, one {was} other {were}} left out.",
  "note.template.peopleNotInSpace":
    "{count, plural, one {# person named in the template is} other {# people named in the template are}} no longer a member of this space and {count, plural, one {was} other {were}} left out.",
  "note.template.labelsGone":
    "{count, plural, one {# label of the template no longer exists and was} other {# labels of the template no longer exist and were}} left out.",
  "note.import.startsAfterDue":
    "{count, plural, one {# card started} other {# cards started}} after its due date; the start date was left out.",
  "note.csv.nameless":
    "{count, plural, one {# row has} other {# rows have}} no name and {count, plural, one {was} other {were}} left out.",
  "note.csv.badDays":
    "{count, plural, one {# row has a date that could not be read; it was} other {# rows have dates that could not be read; they were}} left empty.",
  "note.csv.cutNames":
    "{count, plural, one {# name was} other {# names were}} longer than {max, number} characters and cut.",
  "note.csv.unmatchedPeople":
    "{count, plural, one {# responsible person is} other {# responsible people are}} not in this workspace ({people}): their cards have no one responsible.",
  "note.csv.row.nameless": "No name: the row is left out.",
  "note.csv.row.nameCut": "The name is longer than {max, number} characters and is cut.",
  "note.csv.row.badStart": "The start “{value}” is not a day: it is left empty.",
  "note.csv.row.badDue": "The due date “{value}” is not a day: it is left empty.",
  "note.csv.row.startsAfterDue": "It starts after its due date: the start is left out.",
  "note.csv.row.unknownPerson": "“{person}” is not in this workspace: no one is responsible.",
  "note.trello.closedLists":
    "{lists, plural, one {# closed list was} other {# closed lists were}} left out; their {cards, plural, one {# card arrives} other {# cards arrive}} archived in “{status}”.",
  "note.trello.completeInOpenLists":
    "{count, plural, one {# card was} other {# cards were}} marked complete in Trello but sit in a list that is not done; they stay in their list.",
  "note.trello.cutNames":
    "{count, plural, one {# card name was} other {# card names were}} longer than {max, number} characters and cut.",
  "note.trello.cutDescriptions":
    "{count, plural, one {# description was} other {# descriptions were}} cut to {max, number} characters.",
  "note.trello.cutComments":
    "{count, plural, one {# comment was} other {# comments were}} cut to {max, number} characters.",
  "note.trello.droppedLinks":
    "{count, plural, one {# attachment had} other {# attachments had}} no web link and {count, plural, one {was} other {were}} left out.",
  "note.trello.links":
    "Files cannot travel in Trello''s export: {count, plural, one {# attachment link was} other {# attachment links were}} added to the cards'' descriptions.",
  "note.trello.unmatchedMembers":
    "{count, plural, one {# Trello member is} other {# Trello members are}} not in this workspace: their cards have no one in their place, and their comments keep their name.",
  "note.trello.actionsCapped":
    "Trello''s export holds only the newest {max, number} actions, so older comments are not in the file.",
} as const;

export type ServerMessageKey = keyof typeof en;
export type ServerMessages = Record<ServerMessageKey, string>;
