/** Arabic (العربية): every English key, translated; every plural spells out all six CLDR forms: the charts messages (docs/I18N.md, which lists what each file covers). */
import type { charts as english } from "../en/charts";

export const charts: Record<keyof typeof english, string> = {
  "charts.unit.days":
    "{count, plural, zero {# يوم} one {يوم واحد} two {يومان} few {# أيام} many {# يومًا} other {# يوم}}",
  "charts.unit.weeks":
    "{count, plural, zero {# أسبوع} one {أسبوع واحد} two {أسبوعان} few {# أسابيع} many {# أسبوعًا} other {# أسبوع}}",
  "charts.unit.hours":
    "{count, plural, zero {# ساعة} one {ساعة واحدة} two {ساعتان} few {# ساعات} many {# ساعة} other {# ساعة}}",
  "charts.unit.underAnHour": "أقل من ساعة",
  "charts.period": "{from} – {to}",
  "charts.list.separator": "، ",
  "charts.list.semicolon": "؛ ",
  "charts.axis.cards": "البطاقات",
  "charts.axis.metricDays": "{metric} (بالأيام)",
  "charts.error.title": "تعذّر تحميل المخطط",
  "charts.error.retry": "حاول مرة أخرى",
  "charts.table.show": "عرض البيانات في جدول",
  "charts.table.date": "التاريخ",
  "charts.table.card": "البطاقة",
  "charts.table.cards": "البطاقات",
  "charts.table.days": "الأيام",
  "charts.table.status": "الحالة",
  "charts.table.completed": "الإنجاز",
  "charts.filter.field": "الحقل",
  "charts.filter.fieldsOneSpace": "الحقول تخص مساحة واحدة",
  "charts.filter.noFields": "لا توجد حقول في هذه المساحة",
  "charts.filter.anyField": "أي حقل",
  "charts.filter.fieldIs": "{field} هو",
  "charts.filter.anyValue": "أي قيمة",
  "charts.filter.empty": "فارغ",
  "charts.filter.responsible": "المسؤول",
  "charts.filter.anyone": "أي شخص",
  "charts.filter.label": "التصنيف",
  "charts.filter.anyLabel": "أي تصنيف",
  "charts.filter.labelsOneSpace": "التصنيفات تخص مساحة واحدة",
  "charts.filter.period": "الفترة",
  "charts.filter.last30": "آخر 30 يومًا",
  "charts.filter.last90": "آخر 90 يومًا",
  "charts.filter.custom": "مخصصة…",
  "charts.filter.from": "من",
  "charts.filter.to": "إلى",
  "charts.forecast.title": "التوقع",
  "charts.forecast.loading": "جارٍ تحميل التوقع",
  "charts.forecast.scope": "النطاق",
  "charts.forecast.scopeSpace": "هذه المساحة",
  "charts.forecast.scopeFolder": "مجلدها",
  "charts.forecast.scopeFolderNone": "مجلدها (لا يوجد)",
  "charts.forecast.scopeWorkspace": "مساحة العمل كلها",
  "charts.forecast.history": "السجل (بالأسابيع)",
  "charts.forecast.confidence": "مستوى الثقة (٪)",
  "charts.forecast.confidenceHint": "نسب مئوية بين 1 و99 مفصولة بفواصل",
  "charts.forecast.howManyBy": "كم بطاقة بحلول",
  "charts.forecast.emptyTitle": "لا توجد بطاقات بعد",
  "charts.forecast.emptyBody":
    "يبدأ مخطط الإنجاز التراكمي عند إنشاء أول بطاقة في {scope, select, space {هذه المساحة} folder {مجلدها} other {مساحة العمل}}.",
  "charts.forecast.completion": "توقع الإنجاز",
  "charts.forecast.done": "اكتملت كل البطاقات في النطاق: لم يبق شيء لتوقعه.",
  "charts.forecast.noHistory": "لا توجد بطاقات بعد، ولذلك لا يوجد سجل.",
  "charts.forecast.noCompletions":
    "لم تُنجز أي بطاقة خلال {weeks, plural, zero {آخر # أسبوع} one {الأسبوع الأخير} two {الأسبوعين الأخيرين} few {آخر # أسابيع} many {آخر # أسبوعًا} other {آخر # أسبوع}}: معدل الإنجاز صفر، فلا يمكن توقع أي تاريخ.",
  "charts.forecast.tooFewWeeks":
    "أُنجزت بطاقات في {completed, number} فقط من {weeks, plural, zero {# أسبوع} one {أسبوع واحد} two {أسبوعان} few {# أسابيع} many {# أسبوعًا} other {# أسبوع}} الأخيرة؛ يحتاج التوقع إلى {minimum, number} على الأقل.",
  "charts.forecast.howManyTitle": "كم بطاقة بحلول {date}؟",
  "charts.forecast.howManyNote":
    "خلال {weeks, plural, zero {# أسبوع كامل} one {أسبوع كامل واحد} two {أسبوعين كاملين} few {# أسابيع كاملة} many {# أسبوعًا كاملًا} other {# أسبوع كامل}}، من {trials, number} محاولة محاكاة.",
  "charts.forecast.figure": "الإنجاز التراكمي وتوقع الإنجاز",
  "charts.forecast.tableCaption": "الإنجاز التراكمي يومًا بيوم",
  "charts.forecast.series.scope": "النطاق",
  "charts.forecast.series.completed": "المكتمل",
  "charts.forecast.rayLabel": "{share, number, percent} · {date}",
  "charts.forecast.throughputNone":
    "بناءً على {weeks, plural, zero {# أسبوع} one {أسبوع واحد} two {أسبوعان} few {# أسابيع} many {# أسبوعًا} other {# أسبوع}}: لا توجد بعد أسابيع فيها بطاقات مكتملة.",
  "charts.forecast.throughput":
    "بناءً على {weeks, plural, zero {# أسبوع} one {أسبوع واحد} two {أسبوعان} few {# أسابيع} many {# أسبوعًا} other {# أسبوع}} ({period})، البطاقات المكتملة في كل أسبوع: {samples}.",
  "charts.forecast.samplesMore": "…، {samples}",
  "charts.forecast.level":
    "{confidence, number}٪{label, select, optimistic { (متفائل)} most_likely { (الأرجح)} pessimistic { (متشائم)} other {}}",
  "charts.forecast.levelBeyond": "{level}: خارج أفق المحاكاة",
  "charts.forecast.levelDate":
    "{level}: الإنجاز بحلول {date} (خلال {weeks, plural, zero {# أسبوع} one {أسبوع واحد} two {أسبوعان} few {# أسابيع} many {# أسبوعًا} other {# أسبوع}})",
  "charts.forecast.howManyAtLeast":
    "{level}: {cards, plural, zero {# بطاقة على الأقل} one {بطاقة واحدة على الأقل} two {بطاقتان على الأقل} few {# بطاقات على الأقل} many {# بطاقة على الأقل} other {# بطاقة على الأقل}}",
  "charts.forecast.howManyAll":
    "{level}: {remaining, plural, zero {كل البطاقات المتبقية وعددها #} one {البطاقة المتبقية الوحيدة} two {البطاقتان المتبقيتان} few {كل البطاقات المتبقية وعددها #} many {كل البطاقات المتبقية وعددها #} other {كل البطاقات المتبقية وعددها #}}",
  "charts.forecast.howManyAllPace":
    "{level}: {remaining, plural, zero {كل البطاقات المتبقية وعددها #} one {البطاقة المتبقية الوحيدة} two {البطاقتان المتبقيتان} few {كل البطاقات المتبقية وعددها #} many {كل البطاقات المتبقية وعددها #} other {كل البطاقات المتبقية وعددها #}}؛ وتيرة الفريق تسمح بنحو {pace, number}",
  "charts.forecast.summaryHead":
    "اكتملت {completed, plural, zero {# بطاقة} one {بطاقة واحدة} two {بطاقتان} few {# بطاقات} many {# بطاقة} other {# بطاقة}} من {scope, number} في النطاق في {date}؛ المتبقي {remaining, number}.",
  "charts.forecast.summaryHeadEmpty": "لا توجد بطاقات بعد؛ المتبقي {remaining, number}.",
  "charts.forecast.summaryDone": "{head} اكتمل كل ما في النطاق.",
  "charts.forecast.summaryInsufficient": "{head} {reason}",
  "charts.forecast.summaryForecast": "{head} توقع من {trials, number} محاولة محاكاة: {levels}.",
  "charts.time.title": "الزمن",
  "charts.time.loading": "جارٍ تحميل مخطط الزمن",
  "charts.time.measure": "المقياس",
  "charts.metric.lead": "مهلة التسليم",
  "charts.metric.reaction": "زمن الاستجابة",
  "charts.metric.cycle": "زمن الدورة",
  "charts.percentile.median": "الوسيط",
  "charts.percentile.p50": "المئين الخمسون",
  "charts.percentile.p85": "المئين الخامس والثمانون",
  "charts.percentile.p95": "المئين الخامس والتسعون",
  "charts.time.lineLabel": "{label}: {days}",
  "charts.time.emptyTitle": "لا توجد بطاقات مكتملة في هذه الفترة بعد",
  "charts.time.emptyBody": "تظهر البطاقات هنا عندما تصل إلى حالة مكتملة. جرّب فترة أطول.",
  "charts.time.figure":
    "{metric, select, lead {مهلة التسليم} reaction {زمن الاستجابة} other {زمن الدورة}} لكل بطاقة مكتملة",
  "charts.time.stats.cards": "البطاقات",
  "charts.time.stats.average": "المتوسط",
  "charts.time.note":
    "الأيام تقويمية؛ البطاقة التي تُنجز في يوم إنشائها تُحسب يومًا واحدًا. الوسيط هو القيمة الوسطى (وعند عدد زوجي متوسط القيمتين الوسطيين)؛ والمئينات قيم مرصودة بأقرب رتبة. انقر نقطة لفتح بطاقتها.",
  "charts.time.neverStarted":
    "{count, plural, zero {# بطاقة مكتملة} one {بطاقة مكتملة واحدة} two {بطاقتان مكتملتان} few {# بطاقات مكتملة} many {# بطاقة مكتملة} other {# بطاقة مكتملة}} لم تبدأ قط، لذا لا ينطبق عليها {metric, select, lead {مهلة التسليم} reaction {زمن الاستجابة} other {زمن الدورة}}.",
  "charts.time.distribution":
    "توزيع {metric, select, lead {مهلة التسليم} reaction {زمن الاستجابة} other {زمن الدورة}}",
  "charts.time.distributionSummary":
    "كم بطاقة استغرقت كل عدد من الأيام ({metric, select, lead {مهلة التسليم} reaction {زمن الاستجابة} other {زمن الدورة}}).",
  "charts.time.pointTitle": "{name} · {days}",
  "charts.time.moreRows": "… و{count, number} غيرها",
  "charts.time.perStatus": "الزمن في كل حالة",
  "charts.time.daysSummed": "الأيام، مجموعة على البطاقات المكتملة",
  "charts.time.share": "الحصة",
  "charts.time.shareValue": "{share, number}٪",
  "charts.time.blocked": "محظورة",
  "charts.time.blockedCards":
    "{count, plural, zero {# بطاقة كانت محظورة} one {بطاقة واحدة كانت محظورة} two {بطاقتان كانتا محظورتين} few {# بطاقات كانت محظورة} many {# بطاقة كانت محظورة} other {# بطاقة كانت محظورة}}",
  "charts.time.deletedStatus": "حالة محذوفة",
  "charts.time.summaryNone":
    "لا توجد بطاقات مكتملة لها {metric, select, lead {مهلة التسليم} reaction {زمن الاستجابة} other {زمن الدورة}} في {period}.",
  "charts.time.summary":
    "{count, plural, zero {# بطاقة مكتملة} one {بطاقة مكتملة واحدة} two {بطاقتان مكتملتان} few {# بطاقات مكتملة} many {# بطاقة مكتملة} other {# بطاقة مكتملة}} في {period}. {metric, select, lead {مهلة التسليم} reaction {زمن الاستجابة} other {زمن الدورة}}: {parts}.",
  "charts.time.part.median": "الوسيط {days}",
  "charts.time.part.p85": "المئين الخامس والثمانون {days}",
  "charts.time.part.p95": "المئين الخامس والتسعون {days}",
  "charts.time.part.average": "المتوسط {days}",
  "charts.flow.title": "التدفق التراكمي",
  "charts.flow.loading": "جارٍ تحميل التدفق التراكمي",
  "charts.flow.emptyTitle": "لا توجد بطاقات في هذه الفترة بعد",
  "charts.flow.emptyBody": "يبيّن التدفق عدد البطاقات التي كانت في كل حالة في نهاية كل يوم.",
  "charts.flow.figure": "البطاقات في كل حالة، يومًا بيوم",
  "charts.flow.currentWip": "العمل الجاري الآن",
  "charts.flow.averageWip": "متوسط العمل الجاري",
  "charts.flow.throughput": "معدل الإنجاز",
  "charts.flow.throughputValue": "{rate} / يوم (اكتمل {completed, number})",
  "charts.flow.averageCycle": "متوسط زمن الدورة",
  "charts.flow.approximately": "≈ {duration}",
  "charts.flow.noCards": "لم تكن هناك أي بطاقة بعد في هذه الفترة.",
  "charts.flow.averagesOver":
    "متوسطات على مدى {days, plural, zero {# يوم} one {يوم واحد} two {يومان} few {# أيام} many {# يومًا} other {# يوم}} منذ {date}.",
  "charts.flow.averagesOverFirst":
    "متوسطات على مدى {days, plural, zero {# يوم} one {يوم واحد} two {يومان} few {# أيام} many {# يومًا} other {# يوم}} منذ {date}، حين أُنشئت أول بطاقة.",
  "charts.flow.littleNote":
    "زمن الدورة هنا تقريبي: متوسط العمل الجاري مقسومًا على معدل الإنجاز (قانون ليتل)، لا مقيسًا لكل بطاقة. عرض «الزمن» يقيسه.",
  "charts.flow.legend": "الحالات بترتيب اللوحة",
  "charts.flow.statusCount": "{status} {count, number}",
  "charts.flow.noDays": "لا أيام",
  "charts.flow.cycleNone": "لا يوجد زمن دورة تقريبي (لم يكتمل شيء)",
  "charts.flow.cycle": "متوسط زمن الدورة التقريبي {duration}",
  "charts.flow.measured":
    "منذ {date} ({days, plural, zero {# يوم} one {يوم واحد} two {يومان} few {# أيام} many {# يومًا} other {# يوم}}): متوسط العمل الجاري {wip}، واكتملت {completed, plural, zero {# بطاقة} one {بطاقة واحدة} two {بطاقتان} few {# بطاقات} many {# بطاقة} other {# بطاقة}}، و{rate} في اليوم، و{cycle}.",
  "charts.flow.summary": "{period}. في اليوم الأخير: {byStatus}. العمل الجاري الآن {wip, number}. {measured}",
  "charts.aging.title": "عمر العمل الجاري",
  "charts.aging.loading": "جارٍ تحميل مخطط العمر",
  "charts.aging.emptyTitle": "لا توجد حالة «قيد التنفيذ»",
  "charts.aging.emptyBody": "يعرض مخطط العمر البطاقات الموجودة في حالات دورها «قيد التنفيذ».",
  "charts.aging.figure": "عمر البطاقات قيد التنفيذ",
  "charts.aging.expectation":
    "أُنجزت 85٪ من البطاقات خلال {p85, plural, zero {# يوم} one {يوم واحد} two {يومان} few {# أيام} many {# يومًا} other {# يوم}} (الوسيط {median}، {sample, plural, zero {# بطاقة} one {بطاقة واحدة} two {بطاقتان} few {# بطاقات} many {# بطاقة} other {# بطاقة}})",
  "charts.aging.noExpectation":
    "لا يوجد سجل كافٍ لتوقع بعد ({sample, plural, zero {# بطاقة مكتملة} one {بطاقة مكتملة واحدة} two {بطاقتان مكتملتان} few {# بطاقات مكتملة} many {# بطاقة مكتملة} other {# بطاقة مكتملة}}، والمطلوب 5 على الأقل)",
  "charts.aging.summary":
    "{expectation}. {count, plural, zero {# بطاقة} one {بطاقة واحدة} two {بطاقتان} few {# بطاقات} many {# بطاقة} other {# بطاقة}} قيد التنفيذ، منها {atRisk, number} معرضة للخطر.",
  "charts.aging.plot": "البطاقات قيد التنفيذ حسب الحالة والعمر بالأيام",
  "charts.aging.axis": "العمر (بالأيام)",
  "charts.aging.band": "{status}: غادرت {share, number}٪ من البطاقات المكتملة بحلول اليوم {day, number}",
  "charts.aging.passed":
    "{count, plural, zero {مرّت # بطاقة} one {مرّت بطاقة واحدة} two {مرّت بطاقتان} few {مرّت # بطاقات} many {مرّت # بطاقة} other {مرّت # بطاقة}}",
  "charts.aging.noHistory": "لا سجل",
  "charts.aging.targetLine":
    "الهدف {days, plural, zero {# يوم} one {يوم واحد} two {يومان} few {# أيام} many {# يومًا} other {# يوم}}",
  "charts.aging.dot":
    "{name}: {age, number} ي{risk, select, on_track { · في الموعد} at_risk { · معرضة للخطر} breached { · تجاوزت مستوى الخدمة} other {}} في {status}{blocked, select, yes {، محظورة} other {}}",
  "charts.aging.spaceTarget": "هدف المساحة",
  "charts.aging.none": "لا يوجد",
  "charts.aging.note":
    "الأعمار وأزمنة الدورة أيام تقويمية من أول بدء للبطاقة، مع احتساب الطرفين (كما في مخطط الزمن). الأخضر: دون الوسيط؛ الكهرماني: تجاوزه؛ الأحمر: تجاوز الهدف (هدف التصنيف، وإلا هدف المساحة، وإلا المئين الخامس والثمانون). المعيّن بطاقة محظورة.",
  "charts.aging.bands": "النطاقات",
  "charts.aging.band50": "حتى المئين الخمسين",
  "charts.aging.band70": "من الخمسين إلى السبعين",
  "charts.aging.band85": "من السبعين إلى الخامس والثمانين",
  "charts.aging.band95": "من الخامس والثمانين إلى الخامس والتسعين",
  "charts.aging.age": "العمر",
  "charts.aging.risk": "الخطر",
  "charts.aging.blocked": "محظورة",
  "charts.aging.riskText":
    "{risk, select, on_track {في الموعد} at_risk {معرضة للخطر} breached {تجاوزت مستوى الخدمة} other {–}}",
  "charts.aging.yes": "نعم",
  "charts.serviceLevels.title": "أهداف مستوى الخدمة",
  "charts.serviceLevels.note":
    "الأيام التقويمية التي يجوز أن تبقى فيها البطاقة قيد التنفيذ. فارغ: يُطبَّق المئين الخامس والثمانون من سجل المساحة.",
  "charts.serviceLevels.space": "هذه المساحة",
  "charts.serviceLevels.label": "التصنيف «{name}»",
  "charts.serviceLevels.row": "{label}: {days, number} ي",
  "charts.serviceLevels.rowNone": "{label}: لا هدف",
  "charts.serviceLevels.invalid":
    "أدخل عددًا صحيحًا من الأيام من {min, number} إلى {max, number}، أو اترك الحقل فارغًا.",
  "charts.serviceLevels.placeholder": "لا يوجد",
  "charts.serviceLevels.unit": "أيام",
};
