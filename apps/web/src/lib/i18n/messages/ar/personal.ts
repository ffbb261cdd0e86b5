/** Arabic (العربية): every English key, translated; every plural spells out all six CLDR forms: the personal messages (docs/I18N.md, which lists what each file covers). */
import type { personal as english } from "../en/personal";

export const personal: Record<keyof typeof english, string> = {
  "workload.title": "عبء العمل",
  "workload.titleOf": "{name} · عبء العمل",
  "workload.folder": "مجلد",
  "workload.workspace": "مساحة العمل",
  "workload.breadcrumb": "مسار التنقل",
  "workload.someone": "شخص ما",
  "workload.zoom": "التكبير",
  "workload.zoom.days": "أيام",
  "workload.zoom.weeks": "أسابيع",
  "workload.paging": "التواريخ المعروضة",
  "workload.paging.earlier": "أبكر",
  "workload.paging.today": "اليوم",
  "workload.paging.later": "لاحقًا",
  "workload.summary":
    "{range} · {cards, plural, zero {لا بطاقات مؤرخة} one {بطاقة مؤرخة واحدة} two {بطاقتان مؤرختان} few {# بطاقات مؤرخة} many {# بطاقة مؤرخة} other {# بطاقة مؤرخة}} · {people, plural, zero {لا أشخاص} one {شخص واحد} two {شخصان} few {# أشخاص} many {# شخصًا} other {# شخص}} · {overloaded, number} مثقلون",
  "workload.summary.hint":
    "اسحب شريطًا على طول صف لإعادة جدولته، أو إلى شخص آخر لتسليمه إليه؛ تقوم مفاتيح الأسهم بالشيء نفسه على شريط محدد.",
  "workload.error.title": "تعذر تحميل عبء العمل",
  "workload.error.retry": "حاول مرة أخرى",
  "workload.corner.day": "الشخص · البطاقات في اليوم",
  "workload.corner.week": "الشخص · البطاقات في الأسبوع",
  "workload.person.noCapacity": "لم تُحدد سعة",
  "workload.person.capacity": "{count, number} في الأسبوع",
  "workload.person.overloadedDays":
    "{count, plural, zero {غير مثقل في أي يوم} one {مثقل في يوم واحد} two {مثقل في يومين} few {مثقل في # أيام} many {مثقل في # يومًا} other {مثقل في # يوم}}",
  "workload.person.overloadedWeeks":
    "{count, plural, zero {غير مثقل في أي أسبوع} one {مثقل في أسبوع واحد} two {مثقل في أسبوعين} few {مثقل في # أسابيع} many {مثقل في # أسبوعًا} other {مثقل في # أسبوع}}",
  "workload.row.label": "بطاقات {name}",
  "workload.load.count":
    "{count, plural, zero {لا بطاقات} one {بطاقة واحدة} two {بطاقتان} few {# بطاقات} many {# بطاقة} other {# بطاقة}}",
  "workload.load.ofCapacity":
    "{count, plural, zero {لا بطاقات} one {بطاقة واحدة} two {بطاقتان} few {# بطاقات} many {# بطاقة} other {# بطاقة}} من {capacity, number}",
  "workload.load.overloaded":
    "{count, plural, zero {لا بطاقات} one {بطاقة واحدة} two {بطاقتان} few {# بطاقات} many {# بطاقة} other {# بطاقة}} من {capacity, number}: مثقل",
  "workload.bar.noDates": "بلا تواريخ",
  "workload.bar.title":
    "{name} · {span} · {assignment, select, responsible {مسؤول} other {مشارك}}{blocked, select, yes { · محظورة} other {}}",
  "workload.bar.label":
    "{name}، {assignment, select, responsible {مسؤول} other {مشارك}}، {span}{blocked, select, yes {، محظورة} other {}}",
  "workload.empty": "لا أحد هنا يمكنه تولي بطاقات بعد.",
  "workload.undated.title": "بلا تواريخ",
  "workload.undated.none": "لكل بطاقة مفتوحة تاريخ.",
  "workload.undated.dragHint": "اسحبها إلى شخص ويوم",
  "workload.undated.scheduleCard": "جدولة {name}",
  "workload.undated.scheduleOpen": "جدولة…",
  "workload.undated.person": "الشخص",
  "workload.undated.day": "اليوم",
  "workload.undated.schedule": "جدولة",
  "workload.undated.more": "و{count, number} أخرى (تُعرض الأحدث تعديلًا)",
  "workload.toast.give": "تعذر تسليم «{card}» إلى {person}: {reason}",
  "workload.toast.reschedule": "تعذرت إعادة جدولة «{card}»: {reason}",
  "workload.toast.giveAndReschedule": "تعذر تسليم «{card}» إلى {person} وإعادة جدولتها: {reason}",
  "workload.toast.change": "تعذر تغيير «{card}»: {reason}",
};
