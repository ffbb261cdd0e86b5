/**
 * What the server writes, in Modern Standard Arabic. Keys and arguments as en.ts; every plural spells
 * out zero, one, two, few, many and other. Sentences put the verb first, as the app's notifications do.
 */
import type { ServerMessages } from "./en.js";

export const ar: ServerMessages = {
  // ---------- activity (describeEvent) ----------
  "activity.someone": "شخص ما",
  "activity.quoted": "«{text}»",
  "activity.hiddenCard": "بطاقة لا يمكنك رؤيتها",
  "activity.formerUser": "مستخدم سابق",
  "activity.removedStatus": "حالة محذوفة",
  "activity.deletedCard": "بطاقة محذوفة",
  "activity.removedOption": "خيار محذوف",
  "activity.openDate": "…",
  "activity.card.created": "أنشأ {actor} البطاقة {card} في {status}",
  "activity.card.reordered": "أعاد {actor} ترتيب {card}",
  "activity.card.moved": "نقل {actor} البطاقة {card} من {from} إلى {to}",
  "activity.card.updated": "حدّث {actor} البطاقة {card}",
  "activity.card.changed": "{actor}: {changes}",
  "activity.change.renamed": "إعادة تسمية {card} إلى {name}",
  "activity.change.description": "تعديل وصف {card}",
  "activity.change.archived": "أرشفة {card}",
  "activity.change.restored": "استعادة {card}",
  "activity.change.responsible": "جعل {person} مسؤولًا عن {card}",
  "activity.change.noResponsible": "إزالة الشخص المسؤول عن {card}",
  "activity.change.coworkersAdded": "إضافة {people} مشاركين في {card}",
  "activity.change.coworkersRemoved": "إزالة {people} من المشاركين في {card}",
  "activity.change.dates": "تحديد تواريخ {card} من {start} إلى {due}",
  "activity.change.datesCleared": "مسح تواريخ {card}",
  "activity.change.labels": "تغيير تصنيفات {card}",
  "activity.card.deleted": "حذف {actor} البطاقة {card}",
  "activity.card.restored": "استعاد {actor} البطاقة {card}",
  "activity.card.movedOut": "نقل {actor} البطاقة {card} إلى مساحة أخرى",
  "activity.card.movedIn": "نقل {actor} البطاقة {card} من {from} إلى {to}",
  "activity.card.movedInWithNotes": "نقل {actor} البطاقة {card} من {from} إلى {to}؛ {notes}",
  "activity.movedIn.bothNotes": "{first}؛ {second}",
  "activity.movedIn.droppedLabels":
    "{count, plural, zero {لم يُسقط أي تصنيف} one {أُسقط التصنيف {labels}} two {أُسقط التصنيفان {labels}} few {أُسقطت التصنيفات {labels}} many {أُسقطت التصنيفات {labels}} other {أُسقطت التصنيفات {labels}}} (لا يوجد تصنيف بهذا الاسم هناك)",
  "activity.movedIn.removedPeople": "أُزيل {people} منها (لا يمكنهم قراءة {space})",
  "activity.todo.created": "أضاف {actor} مهمة إلى {card}",
  "activity.todo.done": "أنجز {actor} المهمة {todo} في {card}",
  "activity.todo.reopened": "أعاد {actor} فتح المهمة {todo} في {card}",
  "activity.todo.reordered": "أعاد {actor} ترتيب مهام {card}",
  "activity.todo.edited": "عدّل {actor} المهمة {todo} في {card}",
  "activity.todo.removed": "أزال {actor} المهمة {todo} من {card}",
  "activity.todo.removedUnknown": "أزال {actor} مهمة من {card}",
  "activity.comment.created": "علّق {actor} على {card}",
  "activity.comment.updated": "عدّل {actor} تعليقًا على {card}",
  "activity.comment.deleted": "حذف {actor} تعليقًا على {card}",
  "activity.blocking.created": "أعاق {actor} البطاقة {card} ({blocker}: {reason})",
  "activity.blocking.cleared": "رفع {actor} العائق «{blocker}» عن {card}",
  "activity.relation.parentMade": "جعل {actor} البطاقة {from} أصلًا لـ {to}",
  "activity.relation.parentRemoved": "أزال {actor} البطاقة {from} من كونها أصلًا لـ {to}",
  "activity.relation.followMade": "جعل {actor} البطاقة {to} تلي {from}",
  "activity.relation.followRemoved": "فصل {actor} البطاقة {to} عن {from}",
  "activity.attachment.created": "أرفق {actor} الملف {name} بـ {card}",
  "activity.attachment.renamed": "أعاد {actor} تسمية المستند {from} إلى {to} في {card}",
  "activity.attachment.cover": "جعل {actor} الملف {name} غلافًا لـ {card}",
  "activity.attachment.uncover": "أزال {actor} الملف {name} من غلاف {card}",
  "activity.attachment.deleted": "أزال {actor} الملف {name} من {card}",
  "activity.field.cleared": "مسح {actor} الحقل {field} في {card}",
  "activity.field.set": "عيّن {actor} الحقل {field} إلى {value} في {card}",

  // ---------- notification sentences (e-mails) ----------
  "notification.someCard": "بطاقة",
  "notification.mentioned": "ذكرك {actor} في {card}",
  "notification.assignedResponsible": "جعلك {actor} مسؤولًا عن {card}",
  "notification.assignedCoworker": "أضافك {actor} مشاركًا في {card}",
  "notification.statusChanged": "انتقلت {card} من {from} إلى {to}",
  "notification.statusChangedTo": "انتقلت {card} إلى {to}",
  "notification.statusChangedAny": "تغيّرت حالة {card}",
  "notification.blockedWhy": "{card} معاقة: {why}",
  "notification.blockedBoth": "{card} معاقة: {blocker} — {reason}",
  "notification.blocked": "{card} معاقة",
  "notification.unblockedBy": "لم تعد {card} معاقة بسبب {blocker}",
  "notification.unblocked": "لم تعد {card} معاقة",
  "notification.commented": "علّق {actor} على {card}",
  "notification.reminderNote": "تذكير: {card} — {note}",
  "notification.reminder": "تذكير: {card}",
  "notification.other": "جديد في {card}",

  // ---------- e-mails ----------
  "mail.someone": "شخص ما",
  "mail.linkLine": "{label}: {url}",
  "mail.pasteLink": "أو الصق هذا الرابط في متصفحك: {url}",
  "mail.chooseMessages": "اختر الرسائل التي تصلك",
  "mail.footerText": "{product}. اختر الرسائل التي تصلك: {url}",
  "mail.invitation.subject": "دعاك {inviter} إلى {workspace} على {product}",
  "mail.invitation.subjectSpace": "دعاك {inviter} إلى {space} في {workspace} على {product}",
  "mail.invitation.body":
    "دعاك {inviter} للانضمام إلى مساحة العمل «{workspace}» على {product} بصفة {role, select, owner {مالك} member {عضو} visitor {زائر} other {{role}}}.",
  "mail.invitation.bodySpace":
    "دعاك {inviter} إلى المساحة «{space}» في مساحة العمل «{workspace}» على {product} بصفة {role, select, owner {مالك} member {عضو} visitor {زائر} other {{role}}} في المساحة.",
  "mail.invitation.follow":
    "اتبع الرابط لإنشاء حسابك، أو سجّل الدخول إن كان لديك حساب، وستصل إلى مساحة العمل.",
  "mail.invitation.followSpace":
    "اتبع الرابط لإنشاء حسابك، أو سجّل الدخول إن كان لديك حساب، وستصل إلى المساحة.",
  "mail.invitation.action": "اقبل الدعوة",
  "mail.invitation.note":
    "يعمل الرابط مرة واحدة وتنتهي صلاحيته {days, plural, zero {اليوم} one {خلال يوم واحد} two {خلال يومين} few {خلال # أيام} many {خلال # يومًا} other {خلال # يوم}}. إن لم تكن تتوقعه، فتجاهل هذه الرسالة.",
  "mail.reset.subject": "عيّن كلمة مرور جديدة لـ {product}",
  "mail.reset.hello": "مرحبًا {name}،",
  "mail.reset.body":
    "طلب أحدهم (نأمل أن تكون أنت) تعيين كلمة مرور جديدة لحسابك على {product}. تعيينها يسجّل خروجك من كل مكان.",
  "mail.reset.action": "عيّن كلمة مرور جديدة",
  "mail.reset.note":
    "يعمل الرابط مرة واحدة وتنتهي صلاحيته {minutes, plural, zero {الآن} one {خلال دقيقة واحدة} two {خلال دقيقتين} few {خلال # دقائق} many {خلال # دقيقة} other {خلال # دقيقة}}. إن لم تطلبه، فتجاهل هذه الرسالة: تبقى كلمة مرورك كما هي.",
  "mail.topic.mentioned": "ذكرك",
  "mail.topic.assigned": "جعلك مسؤولًا أو مشاركًا",
  "mail.topic.reminder": "تذكيراتك",
  "mail.topic.blocked": "إعاقة بطاقاتك أو رفع العائق عنها",
  "mail.topic.commented": "التعليقات على البطاقات التي تتابعها",
  "mail.topic.status_changed": "تغيّر حالة البطاقات التي تتابعها",
  "mail.notification.sentence": "{text}.",
  "mail.notification.action": "افتح البطاقة",
  "mail.notification.note": "تصلك هذه الرسالة لأنك اخترت أن تُبلَّغ فورًا بالبريد الإلكتروني عن {topic}.",
  "mail.notification.stop": "أوقف رسائل البريد عن {topic}",
  "mail.digest.subject":
    "ملخص {product} ليوم {date}: {count, plural, zero {لا شيء} one {أمر واحد} two {أمران} few {# أمور} many {# أمرًا} other {# أمر}} بانتظارك",
  "mail.digest.greeting": "صباح الخير يا {name}، هذا ما يحتاج إليك اليوم.",
  "mail.digest.action": "افتح عملي",
  "mail.digest.note": "تصلك هذه الرسالة كل صباح يكون فيه ما يُقال.",
  "mail.digest.stop": "أوقف الملخص اليومي",
  "mail.digest.dueToday": "مستحقة اليوم",
  "mail.digest.late": "متأخرة",
  "mail.digest.lateItem": "{card} (مستحقة في {date})",
  "mail.digest.blocked": "معاقة، ومتابعتها عليك",
  "mail.digest.atRisk": "قيد التنفيذ ومعرّضة للخطر",
  "mail.digest.atRiskItem":
    "{card} ({days, plural, zero {# يوم} one {يوم واحد} two {يومان} few {# أيام} many {# يومًا} other {# يوم}} · {risk, select, breached {تجاوزت مستوى الخدمة} other {معرّضة للخطر}})",
  "mail.digest.mentions": "إشارات غير مقروءة",
  "mail.digest.since": "منذ ملخصك الأخير",

  // ---------- iCalendar feeds (calendar-feeds.ts; repeat-summary.ts says the ical.repeat.* ones) ----------
  "ical.calendar.mine": "بطاقاتي · {product}",
  "ical.calendar.space": "{space} · {product}",
  "ical.event.line": "{space} · {detail}",
  "ical.event.repeats": "{card} (متكررة)",
  "ical.event.notMadeYet":
    "لم تُنشأ بعد: تظهر البطاقة {createWhen, select, completed {عند إكمال البطاقة التي قبلها} other {قبل موعدها {days, plural, zero {بـ# يوم} one {بيوم واحد} two {بيومين} few {بـ# أيام} many {بـ# يومًا} other {بـ# يوم}}}}.",
  "ical.repeat.summary":
    "تتكرر {rule}{end, select, after {، {count, plural, zero {ولا مرة} one {مرة واحدة} two {مرتين} few {# مرات} many {# مرة} other {# مرة}}} on {، حتى {until}} other {}}؛ {hasNext, select, yes {الموعد التالي {next}} other {لا موعد آخر}}",
  "ical.repeat.rule.daily":
    "{interval, plural, zero {كل يوم} one {كل يوم} two {كل يومين} few {كل # أيام} many {كل # يومًا} other {كل # يوم}}",
  "ical.repeat.rule.weekly":
    "{interval, plural, zero {كل أسبوع} one {كل أسبوع} two {كل أسبوعين} few {كل # أسابيع} many {كل # أسبوعًا} other {كل # أسبوع}}",
  "ical.repeat.rule.weekdays": "كل يوم عمل",
  "ical.repeat.rule.weeklyOn":
    "{interval, plural, zero {كل أسبوع} one {كل أسبوع} two {كل أسبوعين} few {كل # أسابيع} many {كل # أسبوعًا} other {كل # أسبوع}} يوم {days}",
  "ical.repeat.rule.monthly":
    "{interval, plural, zero {كل شهر} one {كل شهر} two {كل شهرين} few {كل # أشهر} many {كل # شهرًا} other {كل # شهر}}",
  "ical.repeat.rule.monthlyDay":
    "{interval, plural, zero {كل شهر} one {كل شهر} two {كل شهرين} few {كل # أشهر} many {كل # شهرًا} other {كل # شهر}} في اليوم {day, number}",
  "ical.repeat.rule.monthlyLastDay":
    "{interval, plural, zero {كل شهر} one {كل شهر} two {كل شهرين} few {كل # أشهر} many {كل # شهرًا} other {كل # شهر}} في آخر يوم منه",
  "ical.repeat.rule.monthlyWeekday":
    "{interval, plural, zero {كل شهر} one {كل شهر} two {كل شهرين} few {كل # أشهر} many {كل # شهرًا} other {كل # شهر}} يوم {weekday}",
  "ical.repeat.rule.yearly":
    "{interval, plural, zero {كل سنة} one {كل سنة} two {كل سنتين} few {كل # سنوات} many {كل # سنة} other {كل # سنة}}",
  "ical.repeat.rule.yearlyOn":
    "{interval, plural, zero {كل سنة} one {كل سنة} two {كل سنتين} few {كل # سنوات} many {كل # سنة} other {كل # سنة}} في {date}",
  "ical.repeat.rule.custom": "وفق قاعدة مخصصة ({rule})",
  "ical.repeat.nthWeekday":
    "{weekday} {n, select, 1 {الأول} 2 {الثاني} 3 {الثالث} 4 {الرابع} 5 {الخامس} other {رقم {n, number}}}",
  "ical.repeat.lastWeekday": "{weekday} الأخير",
  "ical.repeat.nthLastWeekday":
    "{weekday} {n, select, 2 {قبل الأخير} 3 {الثالث من الآخر} other {رقم {n, number} من الآخر}}",
};
