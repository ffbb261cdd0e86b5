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
} as const;

export type ServerMessageKey = keyof typeof en;
export type ServerMessages = Record<ServerMessageKey, string>;
