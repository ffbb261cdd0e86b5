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
  // ---------- refusals ----------
  "refusal.notFound.attachment": "لم يُعثر على المرفق",
  "refusal.notFound.blocking": "لم يُعثر على الحظر",
  "refusal.notFound.card": "لم يُعثر على البطاقة",
  "refusal.notFound.column": "لم يُعثر على العمود",
  "refusal.notFound.comment": "لم يُعثر على التعليق",
  "refusal.notFound.label": "لم يُعثر على التصنيف",
  "refusal.notFound.relation": "لم يُعثر على العلاقة",
  "refusal.notFound.savedView": "لم يُعثر على العرض المحفوظ",
  "refusal.notFound.space": "لم يُعثر على المساحة",
  "refusal.notFound.todo": "لم يُعثر على المهمة",
  "refusal.notFound.workspace": "لم يُعثر على مساحة العمل",
  "refusal.notFound.account": "لم يُعثر على الحساب",
  "refusal.auth.ssoSignup": "تُنشأ الحسابات على هذا الخادم بتسجيل الدخول الموحّد",
  "refusal.invitation.accountExists": "يوجد حساب بهذا العنوان بالفعل؛ سجّل الدخول لقبول الدعوة",
  "refusal.mySpace.archived": "لا يمكن وضع بطاقة مؤرشفة في مساحتي",
  "refusal.auth.wrongCredentials": "البريد الإلكتروني أو كلمة المرور غير صحيحة",
  "refusal.spaceInvitation.public":
    "يرى كل من في مساحة العمل هذه المساحة؛ ادعُ الأشخاص إلى مساحة العمل بدلًا من ذلك، أو اجعل المساحة خاصة",
  "refusal.workspace.everyoneMember": "كل من على هذا الخادم عضو فيها بالفعل",
  "refusal.auth.logIn": "سجّل الدخول للمتابعة",
  "refusal.notFound.member": "لم يُعثر على العضو",
  "refusal.mySpace.lastColumn": "تحتفظ مساحتي بعمود واحد على الأقل",
  "refusal.notFound.calendarFeed": "لا توجد موجز تقويم كهذه",
  "refusal.notFound.invitation": "لا توجد دعوة معلّقة كهذه",
  "refusal.notFound.session": "لا توجد جلسة كهذه",
  "refusal.notFound.trash": "لا يوجد شيء في سلة المهملات بهذا المعرّف",
  "refusal.notFound.blockerType": "لم يُعثر على نوع العائق عند الطلب",
  "refusal.accounts.adminOnly": "لا يرى الحسابات ويديرها إلا مسؤول الخادم",
  "refusal.mail.adminOnly": "لا يقرأ صندوق الصادر إلا مسؤولو الخادم",
  "refusal.trash.restoreForbidden": "لا يستعيد هذا إلا المالكون (أو من حذفه)",
  "refusal.trash.purgeForbidden": "لا يحذف هذا نهائيًا إلا المالكون",
  "refusal.comment.authorOnly": "لا يغيّر التعليق أو يحذفه إلا كاتبه",
  "refusal.blockers.adminOnly": "لا يدير العوائق العامة والعوائق عند الطلب إلا مسؤول الخادم",
  "refusal.attachment.forbidden":
    "لا يعيد تسمية المستند أو يزيله إلا من أرفقه أو المسؤول عن البطاقة أو مالك المساحة",
  "refusal.origin.clientHeader": "أرسل التغييرات بصيغة application/json أو مع الترويسة X-Lattice-Client",
  "refusal.auth.passwordOff": "تسجيل الدخول بكلمة المرور معطّل هنا؛ استخدم تسجيل الدخول الموحّد",
  "refusal.auth.ssoMissing": "تسجيل الدخول الموحّد غير مهيأ على هذا الخادم",
  "refusal.notFound.spaceMember": "لم يُعثر على عضو المساحة",
  "refusal.notFound.template": "لم يُعثر على القالب",
  "refusal.move.movedMeanwhile": "نُقلت البطاقة إلى مساحة أخرى في هذه الأثناء؛ حاول مرة أخرى",
  "refusal.auth.deactivated": "عُطّل هذا الحساب؛ تواصل مع مسؤول هذا الخادم",
  "refusal.repeat.movedOn": "تستمر سلسلة هذه البطاقة بموعدها التالي: غيّر التكرار هناك",
  "refusal.invitation.invalidLink": "رابط الدعوة هذا غير صالح؛ اطلب دعوة جديدة",
  "refusal.members.lastOwner": "هذا هو المالك الوحيد؛ اجعل شخصًا آخر مالكًا أولًا",
  "refusal.mail.badUnsubscribe":
    "رابط إلغاء الاشتراك هذا لا يعمل: ربما قُطع أو عُدّل. اختر الرسائل التي تصلك من إعدادات حسابك بدلًا من ذلك.",
  "refusal.auth.tooManyAttempts": "محاولات فاشلة كثيرة من هذا العنوان؛ انتظر قليلًا",
  "refusal.workspace.alreadyMember": "أنت عضو في مساحة العمل هذه بالفعل",
  "refusal.members.alreadyMember": "{name} عضو في مساحة العمل هذه بالفعل",
  "refusal.spaceMembers.alreadyMember": "{name} عضو في هذه المساحة بالفعل",
  "refusal.mySpace.columnsMax":
    "تضم مساحتي {count, plural, zero {# عمود} one {عمودًا واحدًا} two {عمودين} few {# أعمدة} many {# عمودًا} other {# عمود}} على الأكثر",
  "refusal.mySpace.cardsMax":
    "تتسع مساحتي لـ{count, plural, zero {# بطاقة} one {بطاقة واحدة} two {بطاقتين} few {# بطاقات} many {# بطاقة} other {# بطاقة}} على الأكثر",
  "refusal.trash.notInTrash": "«{name}» ليست في سلة المهملات",
  "refusal.trash.noColumn": "لا يوجد في المساحة «{space}» عمود يوضع فيه",
  "refusal.notFound.field": "لم يُعثر على الحقل",
  "refusal.notFound.status": "لم يُعثر على الحالة",
  "refusal.accounts.ownAccount": "لا يمكنك تعطيل حسابك",
  "refusal.auth.emailTaken": "يوجد حساب بهذا البريد الإلكتروني بالفعل",
  "refusal.auth.wrongPassword": "كلمة المرور الحالية غير صحيحة",
  "refusal.auth.unauthenticated": "عليك تسجيل الدخول",
  "refusal.forbidden.visitor": "يستطيع الزوار القراءة والتعليق لكن لا يستطيعون تغيير هذا",
  "refusal.forbidden.role":
    "لا يسمح دورك ({role, select, owner {مالك} member {عضو} visitor {زائر} other {{role}}}) بهذا",
  "refusal.separator.semicolon": "؛ ",
  "refusal.relation.exists": "هذه البطاقات مرتبطة بهذه الطريقة بالفعل",
  "refusal.relation.cycle": "سيؤدي هذا إلى حلقة مغلقة: {cards}",
  "refusal.relation.cycleCard": "«{card}»",
  "refusal.relation.isParentOf": " أصلٌ لـ ",
  "refusal.relation.comesBefore": " تسبق ",
  "refusal.card.blocked": "البطاقة محظورة؛ أزل عوائقها قبل تغيير حالتها",
  "refusal.card.blockedBy":
    "البطاقة محظورة بسبب {blockers}؛ أزل {count, plural, zero {العوائق} one {هذا العائق} two {هذين العائقين} few {هذه العوائق} many {هذه العوائق} other {هذه العوائق}} قبل تغيير حالتها",
  "refusal.card.blocker": "{blocker} ({reason})",
  "refusal.blocking.cleared": "أُزيل هذا الحظر من قبل",
  "refusal.move.cannotAdd": "لا يمكنك إضافة بطاقات إلى {space}",
  "refusal.move.noStatus": "لا توجد في {space} حالة توضع فيها البطاقة",
  "refusal.move.blocked": "البطاقة محظورة؛ لا يمكن نقلها إلا إلى حالة من الدور نفسه حتى تُزال عوائقها",
  "refusal.move.crossWorkspace": "ستمتد علاقاتها عبر مساحات عمل مختلفة؛ أزلها أولًا",
  "refusal.status.notEmpty":
    "لا تزال «{status}» تضم {count, plural, zero {# بطاقة} one {بطاقة واحدة} two {بطاقتين} few {# بطاقات} many {# بطاقة} other {# بطاقة}}، بما فيها المؤرشفة؛ انقلها أو احذفها أولًا",
  "refusal.status.last": "تحتاج المساحة إلى حالة واحدة على الأقل",
  "refusal.repeat.noFurther": "لا يوجد للسلسلة موعد تالٍ",
  "refusal.repeat.noStatus": "لا توجد حالات في المساحة",
  // ---------- words the server writes into data: new spaces' columns, notes in replies ----------
  "words.status.toDo": "للتنفيذ",
  "words.status.doing": "قيد التنفيذ",
  "words.status.done": "منجز",
  "words.mySpace.toDo": "للتنفيذ",
  "words.mySpace.thisWeek": "هذا الأسبوع",
  "words.mySpace.doing": "قيد التنفيذ",
  "words.mySpace.done": "منجز",
  "words.trash.topLevel": "المستوى الأعلى",
  "words.import.untitledList": "قائمة بلا اسم",
  "words.import.untitledCard": "بطاقة بلا اسم",
  "words.import.csvName": "بطاقات مستوردة",
  "note.trash.columnGone": "لم يعد عمودها موجودًا: هي الآن في «{column}»",
  "note.trash.folderGone": "لم يعد المجلد «{folder}» موجودًا: هو الآن في المستوى الأعلى",
  "note.template.peopleNotInWorkspace":
    "أُسقط من {cards, plural, zero {لا بطاقات} one {بطاقة واحدة} two {بطاقتان} few {# بطاقات} many {# بطاقة} other {# بطاقة}} عدد الأشخاص المذكورين في القالب وليسوا أعضاء في مساحة العمل هذه: {people, plural, zero {لا أشخاص} one {شخص واحد} two {شخصان} few {# أشخاص} many {# شخصًا} other {# شخص}}.",
  "note.template.datesOutside":
    "أُسقط {count, plural, zero {لا تواريخ} one {تاريخ واحد} two {تاريخان} few {# تواريخ} many {# تاريخًا} other {# تاريخ}} يقع خارج المدة {min} – {max}.",
  "note.template.peopleNotInSpace":
    "أُسقط من ذكرهم القالب ولم يعودوا أعضاء في هذه المساحة: {count, plural, zero {لا أشخاص} one {شخص واحد} two {شخصان} few {# أشخاص} many {# شخصًا} other {# شخص}}.",
  "note.template.labelsGone":
    "أُسقطت تصنيفات القالب التي لم تعد موجودة: {count, plural, zero {لا تصنيفات} one {تصنيف واحد} two {تصنيفان} few {# تصنيفات} many {# تصنيفًا} other {# تصنيف}}.",
  "note.import.startsAfterDue":
    "تبدأ {count, plural, zero {لا بطاقات} one {بطاقة واحدة} two {بطاقتان} few {# بطاقات} many {# بطاقة} other {# بطاقة}} بعد تاريخ استحقاقها؛ فأُسقط تاريخ البدء.",
  "note.csv.nameless":
    "أُسقط ما لا اسم له من الصفوف: {count, plural, zero {لا صفوف} one {صف واحد} two {صفان} few {# صفوف} many {# صفًا} other {# صف}}.",
  "note.csv.badDays":
    "تُرك فارغًا كل تاريخ تعذرت قراءته، في {count, plural, zero {لا صفوف} one {صف واحد} two {صفان} few {# صفوف} many {# صفًا} other {# صف}}.",
  "note.csv.cutNames":
    "قُصّ ما زاد على {max, number} حرفًا في {count, plural, zero {لا أسماء} one {اسم واحد} two {اسمان} few {# أسماء} many {# اسمًا} other {# اسم}}.",
  "note.csv.unmatchedPeople":
    "ليس في مساحة العمل هذه من المسؤولين ({people}): {count, plural, zero {لا أشخاص} one {شخص واحد} two {شخصان} few {# أشخاص} many {# شخصًا} other {# شخص}}؛ فبطاقاتهم بلا مسؤول.",
  "note.csv.row.nameless": "لا اسم: أُسقط الصف.",
  "note.csv.row.nameCut": "الاسم أطول من {max, number} حرفًا فقُصّ.",
  "note.csv.row.badStart": "البدء «{value}» ليس يومًا: تُرك فارغًا.",
  "note.csv.row.badDue": "تاريخ الاستحقاق «{value}» ليس يومًا: تُرك فارغًا.",
  "note.csv.row.startsAfterDue": "تبدأ بعد تاريخ استحقاقها: أُسقط تاريخ البدء.",
  "note.csv.row.unknownPerson": "«{person}» ليس في مساحة العمل هذه: لا مسؤول عن البطاقة.",
  "note.trello.closedLists":
    "أُسقطت القوائم المغلقة ({lists, plural, zero {لا قوائم مغلقة} one {قائمة مغلقة واحدة} two {قائمتان مغلقتان} few {# قوائم مغلقة} many {# قائمة مغلقة} other {# قائمة مغلقة}})؛ وتصل بطاقاتها ({cards, plural, zero {لا بطاقات} one {بطاقة واحدة} two {بطاقتان} few {# بطاقات} many {# بطاقة} other {# بطاقة}}) مؤرشفةً في «{status}».",
  "note.trello.completeInOpenLists":
    "عُلّمت {count, plural, zero {لا بطاقات} one {بطاقة واحدة} two {بطاقتان} few {# بطاقات} many {# بطاقة} other {# بطاقة}} مكتملة في Trello لكنها في قائمة غير منجزة؛ فتبقى في قائمتها.",
  "note.trello.cutNames":
    "قُصّ ما زاد على {max, number} حرفًا في أسماء البطاقات: {count, plural, zero {لا أسماء} one {اسم واحد} two {اسمان} few {# أسماء} many {# اسمًا} other {# اسم}}.",
  "note.trello.cutDescriptions":
    "قُصّ إلى {max, number} حرفًا: {count, plural, zero {لا أوصاف} one {وصف واحد} two {وصفان} few {# أوصاف} many {# وصفًا} other {# وصف}}.",
  "note.trello.cutComments":
    "قُصّ إلى {max, number} حرفًا: {count, plural, zero {لا تعليقات} one {تعليق واحد} two {تعليقان} few {# تعليقات} many {# تعليقًا} other {# تعليق}}.",
  "note.trello.droppedLinks":
    "أُسقط ما لا رابط ويب له من المرفقات: {count, plural, zero {لا مرفقات} one {مرفق واحد} two {مرفقان} few {# مرفقات} many {# مرفقًا} other {# مرفق}}.",
  "note.trello.links":
    "لا تنتقل الملفات في تصدير Trello: أُضيف إلى أوصاف البطاقات {count, plural, zero {لا روابط} one {رابط مرفق واحد} two {رابطا مرفقين} few {# روابط مرفقات} many {# رابط مرفق} other {# رابط مرفق}}.",
  "note.trello.unmatchedMembers":
    "ليس في مساحة العمل هذه {count, plural, zero {لا أعضاء} one {عضو واحد من Trello} two {عضوان من Trello} few {# أعضاء من Trello} many {# عضوًا من Trello} other {# عضو من Trello}}: لا أحد مكانهم في بطاقاتهم، وتحتفظ تعليقاتهم بأسمائهم.",
  "note.trello.actionsCapped":
    "لا يحمل تصدير Trello إلا أحدث {max, number} إجراء، فالتعليقات الأقدم ليست في الملف.",
};
