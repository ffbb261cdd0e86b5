/**
 * The built-in templates' words in German and Arabic, by their English text (built-in.ts is the
 * source). A template's references (a card's status and labels) are names, so one table keeps them
 * matching. built-in-words.test.ts checks that every text has both translations and that each
 * translated template passes the template schema.
 */
import type { ServerLocale } from "../i18n/translator.js";
import type { BuiltInTemplate } from "./built-in.js";

export const builtInTemplateWords: Readonly<Record<string, { de: string; ar: string }>> = {
  // ---------- Complaint handling ----------
  "Complaint handling": { de: "Beschwerdemanagement", ar: "معالجة الشكاوى" },
  "Patient and family complaints from receipt to a closed, answered case: acknowledge within two working days, investigate with the department, reply, and learn from it.":
    {
      de: "Beschwerden von Patienten und Angehörigen vom Eingang bis zum beantworteten, abgeschlossenen Fall: innerhalb von zwei Arbeitstagen bestätigen, mit der Abteilung klären, antworten und daraus lernen.",
      ar: "شكاوى المرضى وذويهم من استلامها حتى إغلاق الحالة بعد الرد عليها: الإقرار بالاستلام خلال يومي عمل، والتحقيق مع القسم المعني، والرد، والتعلّم منها.",
    },
  "How we handle complaints": { de: "So bearbeiten wir Beschwerden", ar: "كيف نعالج الشكاوى" },
  Received: { de: "Eingegangen", ar: "مستلمة" },
  Acknowledged: { de: "Bestätigt", ar: "تم الإقرار بها" },
  Investigating: { de: "In Klärung", ar: "قيد التحقيق" },
  "Response drafted": { de: "Antwort entworfen", ar: "صيغت مسودة الرد" },
  Closed: { de: "Abgeschlossen", ar: "مغلقة" },
  Withdrawn: { de: "Zurückgezogen", ar: "مسحوبة" },
  "Clinical care": { de: "Klinische Versorgung", ar: "الرعاية السريرية" },
  Communication: { de: "Kommunikation", ar: "التواصل" },
  "Waiting times": { de: "Wartezeiten", ar: "أوقات الانتظار" },
  Facilities: { de: "Räumlichkeiten", ar: "المرافق" },
  Billing: { de: "Abrechnung", ar: "الفواتير" },
  Urgent: { de: "Dringend", ar: "عاجل" },
  "Waiting for the patient": { de: "Warten auf Patient", ar: "بانتظار المريض" },
  "Consent or more details are needed from the patient or family.": {
    de: "Eine Einwilligung oder weitere Angaben des Patienten oder der Angehörigen werden benötigt.",
    ar: "يلزم الحصول على موافقة أو مزيد من التفاصيل من المريض أو ذويه.",
  },
  "Waiting for the department": { de: "Warten auf Abteilung", ar: "بانتظار القسم" },
  "The department concerned has not answered yet.": {
    de: "Die betroffene Abteilung hat noch nicht geantwortet.",
    ar: "لم يرد القسم المعني بعد.",
  },
  "Medical records requested": { de: "Krankenakte angefordert", ar: "طُلبت السجلات الطبية" },
  "The investigation needs records that are not in yet.": {
    de: "Die Klärung braucht Unterlagen, die noch nicht vorliegen.",
    ar: "يحتاج التحقيق إلى سجلات لم تصل بعد.",
  },
  Channel: { de: "Kanal", ar: "القناة" },
  Letter: { de: "Brief", ar: "رسالة ورقية" },
  "E-mail": { de: "E-Mail", ar: "بريد إلكتروني" },
  Phone: { de: "Telefon", ar: "هاتف" },
  "In person": { de: "Persönlich", ar: "حضوريًا" },
  Department: { de: "Abteilung", ar: "القسم" },
  Severity: { de: "Schweregrad", ar: "الخطورة" },
  Low: { de: "Niedrig", ar: "منخفضة" },
  Moderate: { de: "Mittel", ar: "متوسطة" },
  High: { de: "Hoch", ar: "عالية" },
  "Received on": { de: "Eingegangen am", ar: "تاريخ الاستلام" },
  "Complaint handling standard": { de: "Standard für Beschwerden", ar: "معيار معالجة الشكاوى" },
  "Acknowledge every complaint within 2 working days, agree a reply date with the complainant, and answer within 25 working days. Record the department, channel and severity on each card; block the card when waiting on someone outside the team.":
    {
      de: "Jede Beschwerde innerhalb von 2 Arbeitstagen bestätigen, mit der beschwerdeführenden Person ein Antwortdatum vereinbaren und innerhalb von 25 Arbeitstagen antworten. Abteilung, Kanal und Schweregrad auf jeder Karte festhalten; die Karte blockieren, solange auf jemanden außerhalb des Teams gewartet wird.",
      ar: "أقرّ باستلام كل شكوى خلال يومي عمل، واتفق مع صاحب الشكوى على موعد للرد، وأجب خلال 25 يوم عمل. سجّل القسم والقناة والخطورة على كل بطاقة؛ واحظر البطاقة أثناء انتظار شخص من خارج الفريق.",
    },
  "Example: delayed discharge letter": {
    de: "Beispiel: verspäteter Entlassbrief",
    ar: "مثال: تأخر رسالة الخروج من المستشفى",
  },
  "Replace this card with a real complaint, or copy it for each new one.": {
    de: "Ersetzen Sie diese Karte durch eine echte Beschwerde, oder kopieren Sie sie für jede neue.",
    ar: "استبدل بهذه البطاقة شكوى حقيقية، أو انسخها لكل شكوى جديدة.",
  },
  "Log the complaint and its channel": {
    de: "Beschwerde und Kanal erfassen",
    ar: "تسجيل الشكوى وقناتها",
  },
  "Send the acknowledgement (within 2 working days)": {
    de: "Eingangsbestätigung senden (innerhalb von 2 Arbeitstagen)",
    ar: "إرسال الإقرار بالاستلام (خلال يومي عمل)",
  },
  "Agree the reply date with the complainant": {
    de: "Antwortdatum mit der beschwerdeführenden Person vereinbaren",
    ar: "الاتفاق مع صاحب الشكوى على موعد الرد",
  },
  "Ask the department for its account": {
    de: "Stellungnahme der Abteilung einholen",
    ar: "طلب إفادة القسم",
  },
  "Draft the reply and have it approved": {
    de: "Antwort entwerfen und freigeben lassen",
    ar: "صياغة الرد واعتماده",
  },
  "Send the reply and close the case": {
    de: "Antwort senden und Fall abschließen",
    ar: "إرسال الرد وإغلاق الحالة",
  },
  "Monthly review of complaint themes": {
    de: "Monatliche Auswertung der Beschwerdethemen",
    ar: "مراجعة شهرية لموضوعات الشكاوى",
  },
  "Count complaints by label and department": {
    de: "Beschwerden nach Label und Abteilung zählen",
    ar: "عدّ الشكاوى حسب التصنيف والقسم",
  },
  "Note repeat themes": { de: "Wiederkehrende Themen notieren", ar: "تدوين الموضوعات المتكررة" },
  "Share with the quality team": { de: "Mit dem Qualitätsteam teilen", ar: "مشاركتها مع فريق الجودة" },
  "Refresher on the complaint standard for ward clerks": {
    de: "Auffrischung zum Beschwerdestandard für Stationssekretariate",
    ar: "تدريب تنشيطي على معيار الشكاوى لموظفي الأجنحة الإداريين",
  },
  "Book the session": { de: "Termin buchen", ar: "حجز الجلسة" },
  "Prepare a one-page guide": { de: "Einseitigen Leitfaden vorbereiten", ar: "إعداد دليل من صفحة واحدة" },
  "Collect questions afterwards": { de: "Fragen danach sammeln", ar: "جمع الأسئلة بعد الجلسة" },

  // ---------- Service-improvement project ----------
  "Service-improvement project": { de: "Projekt zur Serviceverbesserung", ar: "مشروع تحسين الخدمة" },
  "A patient-service improvement run in phases: define the goal, analyse the current service, plan resources, implement, then monitor and review. Each phase is a parent card with its tasks as children, one after the other.":
    {
      de: "Eine Verbesserung des Patientenservice in Phasen: Ziel festlegen, heutigen Service analysieren, Ressourcen planen, umsetzen, dann beobachten und auswerten. Jede Phase ist eine übergeordnete Karte mit ihren Aufgaben als Unterkarten, eine nach der anderen.",
      ar: "تحسين لخدمة المرضى على مراحل: تحديد الهدف، وتحليل الخدمة الحالية، وتخطيط الموارد، والتنفيذ، ثم المتابعة والمراجعة. كل مرحلة بطاقة رئيسية مهامها بطاقات فرعية، واحدة تلو الأخرى.",
    },
  "Goals & scope": { de: "Ziele & Umfang", ar: "الأهداف والنطاق" },
  Planned: { de: "Geplant", ar: "مخطط لها" },
  "In progress": { de: "In Arbeit", ar: "قيد التنفيذ" },
  "In review": { de: "In Prüfung", ar: "قيد المراجعة" },
  Done: { de: "Erledigt", ar: "منجز" },
  Dropped: { de: "Verworfen", ar: "متروكة" },
  "Patient experience": { de: "Patientenerfahrung", ar: "تجربة المريض" },
  Staff: { de: "Personal", ar: "الموظفون" },
  Process: { de: "Prozess", ar: "العملية" },
  Technology: { de: "Technik", ar: "التقنية" },
  "Quick win": { de: "Schneller Erfolg", ar: "مكسب سريع" },
  "Budget approval": { de: "Budgetfreigabe", ar: "موافقة الميزانية" },
  "Spending needs approval before the work can go on.": {
    de: "Ausgaben müssen freigegeben werden, bevor die Arbeit weitergehen kann.",
    ar: "يحتاج الإنفاق إلى موافقة قبل أن يستمر العمل.",
  },
  "Staff availability": { de: "Verfügbarkeit des Personals", ar: "توفر الموظفين" },
  "The people needed are on rota elsewhere.": {
    de: "Die benötigten Personen sind anderswo eingeteilt.",
    ar: "الأشخاص المطلوبون مجدولون في مكان آخر.",
  },
  "Clinical sign-off": { de: "Klinische Freigabe", ar: "الاعتماد السريري" },
  "A clinical lead must agree to the change first.": {
    de: "Eine klinische Leitung muss der Änderung zuerst zustimmen.",
    ar: "يجب أن يوافق المسؤول السريري على التغيير أولًا.",
  },
  Phase: { de: "Phase", ar: "المرحلة" },
  Define: { de: "Festlegen", ar: "التحديد" },
  Analyse: { de: "Analysieren", ar: "التحليل" },
  Plan: { de: "Planen", ar: "التخطيط" },
  Implement: { de: "Umsetzen", ar: "التنفيذ" },
  Monitor: { de: "Beobachten", ar: "المتابعة" },
  "Target measure": { de: "Zielgröße", ar: "المقياس المستهدف" },
  "Estimated cost": { de: "Geschätzte Kosten", ar: "التكلفة التقديرية" },
  "Clinical lead": { de: "Klinische Leitung", ar: "المسؤول السريري" },
  "Goal: what will be better for patients, and how we will know": {
    de: "Ziel: was für Patienten besser wird, und woran wir es erkennen",
    ar: "الهدف: ما الذي سيتحسن للمرضى، وكيف سنعرف ذلك",
  },
  "Write the goal as a measurable service target (for example, outpatients seen within 15 minutes of their appointment time, 9 times in 10), the hospital objective it supports, and what is out of scope.":
    {
      de: "Formulieren Sie das Ziel als messbares Serviceziel (zum Beispiel: ambulante Patienten werden in 9 von 10 Fällen innerhalb von 15 Minuten nach ihrem Termin gesehen), das Klinikziel, das es unterstützt, und was nicht dazugehört.",
      ar: "اكتب الهدف غايةً خدمية قابلة للقياس (مثلًا: يُستقبل مرضى العيادات الخارجية خلال 15 دقيقة من موعدهم، 9 مرات من كل 10)، وهدف المستشفى الذي يخدمه، وما يقع خارج النطاق.",
    },
  "Phase 1 · Define the goal": { de: "Phase 1 · Ziel festlegen", ar: "المرحلة 1 · تحديد الهدف" },
  "Agree the target measure": { de: "Zielgröße vereinbaren", ar: "الاتفاق على المقياس المستهدف" },
  "Name the sponsor and clinical lead": {
    de: "Auftraggeber und klinische Leitung benennen",
    ar: "تسمية الراعي والمسؤول السريري",
  },
  "Write the scope": { de: "Umfang beschreiben", ar: "كتابة النطاق" },
  "Phase 2 · Analyse the current service": {
    de: "Phase 2 · Heutigen Service analysieren",
    ar: "المرحلة 2 · تحليل الخدمة الحالية",
  },
  "Map the patient journey": { de: "Patientenweg aufzeichnen", ar: "رسم رحلة المريض" },
  "Collect six months of feedback and complaints": {
    de: "Rückmeldungen und Beschwerden von sechs Monaten sammeln",
    ar: "جمع الملاحظات والشكاوى لستة أشهر",
  },
  "Measure the baseline": { de: "Ausgangswert messen", ar: "قياس خط الأساس" },
  "Interview front-line staff": {
    de: "Mitarbeitende an der Basis befragen",
    ar: "مقابلة موظفي الخطوط الأمامية",
  },
  "Phase 3 · Plan resources": { de: "Phase 3 · Ressourcen planen", ar: "المرحلة 3 · تخطيط الموارد" },
  "Estimate staff time": { de: "Personalaufwand schätzen", ar: "تقدير وقت الموظفين" },
  "Cost equipment and technology": {
    de: "Kosten für Ausstattung und Technik ermitteln",
    ar: "حساب تكلفة المعدات والتقنية",
  },
  "Get budget approval": { de: "Budgetfreigabe einholen", ar: "الحصول على موافقة الميزانية" },
  "Phase 4 · Implement the change": {
    de: "Phase 4 · Änderung umsetzen",
    ar: "المرحلة 4 · تنفيذ التغيير",
  },
  "Pilot on one ward": { de: "Pilot auf einer Station", ar: "تجربة في جناح واحد" },
  "Train the staff involved": { de: "Beteiligtes Personal schulen", ar: "تدريب الموظفين المعنيين" },
  "Roll out to the other wards": {
    de: "Auf die anderen Stationen ausweiten",
    ar: "التعميم على الأجنحة الأخرى",
  },
  "Phase 5 · Monitor and review": {
    de: "Phase 5 · Beobachten und auswerten",
    ar: "المرحلة 5 · المتابعة والمراجعة",
  },
  "Compare the measure with the baseline": {
    de: "Messwert mit dem Ausgangswert vergleichen",
    ar: "مقارنة المقياس بخط الأساس",
  },
  "Hold the review meeting": { de: "Auswertungstreffen abhalten", ar: "عقد اجتماع المراجعة" },
  "Decide: keep, adjust or stop": {
    de: "Entscheiden: beibehalten, anpassen oder beenden",
    ar: "القرار: الإبقاء أو التعديل أو الإيقاف",
  },
  "Brief stakeholders (clinicians, administration, patient representatives)": {
    de: "Beteiligte informieren (Ärzteschaft und Pflege, Verwaltung, Patientenvertretung)",
    ar: "إطلاع أصحاب المصلحة (الأطباء والإدارة وممثلي المرضى)",
  },
  "Patient journey map": { de: "Karte des Patientenwegs", ar: "خريطة رحلة المريض" },

  // ---------- Patient-feedback programme ----------
  "Patient-feedback programme": { de: "Programm für Patientenfeedback", ar: "برنامج ملاحظات المرضى" },
  "A quarterly cycle of gathering patient and family feedback (surveys, comment cards, focus groups), turning it into actions with owners, and telling patients what changed.":
    {
      de: "Ein vierteljährlicher Zyklus: Feedback von Patienten und Angehörigen sammeln (Umfragen, Kommentarkarten, Fokusgruppen), daraus Maßnahmen mit Verantwortlichen machen und den Patienten sagen, was sich geändert hat.",
      ar: "دورة فصلية لجمع ملاحظات المرضى وذويهم (استبيانات وبطاقات تعليقات ومجموعات نقاش)، وتحويلها إلى إجراءات لكل منها مسؤول، وإخبار المرضى بما تغيّر.",
    },
  "About this programme": { de: "Über dieses Programm", ar: "عن هذا البرنامج" },
  "Ideas & feedback": { de: "Ideen & Feedback", ar: "الأفكار والملاحظات" },
  Collecting: { de: "Sammeln", ar: "قيد الجمع" },
  Analysing: { de: "Analysieren", ar: "قيد التحليل" },
  Acting: { de: "Handeln", ar: "قيد العمل" },
  "Shared with patients": { de: "Mit Patienten geteilt", ar: "شوركت مع المرضى" },
  "Not pursued": { de: "Nicht weiterverfolgt", ar: "لم تُتابَع" },
  Survey: { de: "Umfrage", ar: "استبيان" },
  "Comment cards": { de: "Kommentarkarten", ar: "بطاقات التعليقات" },
  "Focus group": { de: "Fokusgruppe", ar: "مجموعة نقاش" },
  Praise: { de: "Lob", ar: "إشادة" },
  Concern: { de: "Bedenken", ar: "مصدر قلق" },
  "Ethics or privacy review": { de: "Ethik- oder Datenschutzprüfung", ar: "مراجعة أخلاقية أو مراجعة خصوصية" },
  "The questions or data handling need approval.": {
    de: "Die Fragen oder der Umgang mit den Daten müssen genehmigt werden.",
    ar: "تحتاج الأسئلة أو طريقة التعامل مع البيانات إلى موافقة.",
  },
  "Low response rate": { de: "Geringe Rücklaufquote", ar: "معدل استجابة منخفض" },
  "Too few answers to draw a conclusion yet.": {
    de: "Noch zu wenige Antworten für eine Schlussfolgerung.",
    ar: "الإجابات ما زالت أقل من أن يُستخلص منها استنتاج.",
  },
  Responses: { de: "Antworten", ar: "الإجابات" },
  "Satisfaction score": { de: "Zufriedenheitswert", ar: "درجة الرضا" },
  "Ward or service": { de: "Station oder Bereich", ar: "الجناح أو الخدمة" },
  Outpatients: { de: "Ambulanz", ar: "العيادات الخارجية" },
  Emergency: { de: "Notaufnahme", ar: "الطوارئ" },
  Maternity: { de: "Geburtshilfe", ar: "الولادة" },
  "Inpatient wards": { de: "Bettenstationen", ar: "أجنحة التنويم" },
  "Survey link": { de: "Link zur Umfrage", ar: "رابط الاستبيان" },
  "How the programme runs": { de: "So läuft das Programm", ar: "كيف يسير البرنامج" },
  "Each quarter: collect feedback for six weeks, analyse it in two, agree actions with the wards, and publish a “You said, we did” summary. Feedback that names a member of staff is handled as a complaint, not here.":
    {
      de: "Jedes Quartal: sechs Wochen lang Feedback sammeln, in zwei Wochen auswerten, Maßnahmen mit den Stationen vereinbaren und eine Zusammenfassung „Sie sagten, wir handelten“ veröffentlichen. Feedback, das eine Mitarbeiterin oder einen Mitarbeiter nennt, wird als Beschwerde behandelt, nicht hier.",
      ar: "كل فصل: اجمع الملاحظات ستة أسابيع، وحلّلها في أسبوعين، واتفق على الإجراءات مع الأجنحة، وانشر ملخص «قلتم، ففعلنا». الملاحظات التي تسمّي أحد الموظفين تُعالَج شكوى، لا هنا.",
    },
  "Quarterly patient survey": { de: "Vierteljährliche Patientenumfrage", ar: "استبيان المرضى الفصلي" },
  "Review last quarter's questions": {
    de: "Fragen des letzten Quartals überprüfen",
    ar: "مراجعة أسئلة الفصل الماضي",
  },
  "Get the privacy review": { de: "Datenschutzprüfung einholen", ar: "الحصول على مراجعة الخصوصية" },
  "Send the survey": { de: "Umfrage versenden", ar: "إرسال الاستبيان" },
  "Send a reminder after two weeks": {
    de: "Nach zwei Wochen eine Erinnerung senden",
    ar: "إرسال تذكير بعد أسبوعين",
  },
  "Collect comment cards from the wards": {
    de: "Kommentarkarten auf den Stationen einsammeln",
    ar: "جمع بطاقات التعليقات من الأجنحة",
  },
  "Restock the boxes": { de: "Boxen auffüllen", ar: "إعادة تعبئة الصناديق" },
  "Collect weekly": { de: "Wöchentlich einsammeln", ar: "الجمع أسبوعيًا" },
  "Type them up": { de: "Abtippen", ar: "طباعتها" },
  "Patient and family focus group": {
    de: "Fokusgruppe mit Patienten und Angehörigen",
    ar: "مجموعة نقاش للمرضى وذويهم",
  },
  "Invite eight to ten participants": {
    de: "Acht bis zehn Teilnehmende einladen",
    ar: "دعوة ثمانية إلى عشرة مشاركين",
  },
  "Book a room": { de: "Raum buchen", ar: "حجز قاعة" },
  "Write up the notes": { de: "Notizen ausarbeiten", ar: "تحرير الملاحظات" },
  "Analyse the quarter's feedback": {
    de: "Feedback des Quartals auswerten",
    ar: "تحليل ملاحظات الفصل",
  },
  "Group comments into themes": { de: "Kommentare nach Themen gruppieren", ar: "تجميع التعليقات في موضوعات" },
  "Compare scores with last quarter": {
    de: "Werte mit dem letzten Quartal vergleichen",
    ar: "مقارنة الدرجات بالفصل الماضي",
  },
  "Pick the three main themes": {
    de: "Die drei Hauptthemen auswählen",
    ar: "اختيار الموضوعات الثلاثة الرئيسية",
  },
  "Agree actions with ward managers": {
    de: "Maßnahmen mit den Stationsleitungen vereinbaren",
    ar: "الاتفاق على الإجراءات مع مديري الأجنحة",
  },
  "One owner per action": { de: "Eine verantwortliche Person pro Maßnahme", ar: "مسؤول واحد لكل إجراء" },
  "Set a date for each": { de: "Für jede ein Datum festlegen", ar: "تحديد موعد لكل منها" },
  "Publish “You said, we did”": {
    de: "„Sie sagten, wir handelten“ veröffentlichen",
    ar: "نشر «قلتم، ففعلنا»",
  },
  "Write the summary": { de: "Zusammenfassung schreiben", ar: "كتابة الملخص" },
  "Put up the posters": { de: "Plakate aufhängen", ar: "تعليق الملصقات" },
  "Post it on the website": { de: "Auf der Website veröffentlichen", ar: "نشره على الموقع الإلكتروني" },
};

/**
 * A built-in template in a shipped language: every name, description and to-do translated, its
 * references (card statuses and labels) with them. English, or a text without a translation, stays.
 */
export const builtInTemplateIn = (template: BuiltInTemplate, locale: ServerLocale): BuiltInTemplate => {
  if (locale === "en") return template;
  const say = (text: string): string => builtInTemplateWords[text]?.[locale] ?? text;
  const sayMaybe = (text: string | undefined) => (text === undefined ? undefined : say(text));
  const { content } = template;
  return {
    ...template,
    name: say(template.name),
    description: say(template.description),
    content: {
      ...content,
      statuses: content.statuses.map((s) => ({ ...s, name: say(s.name) })),
      labels: content.labels?.map((l) => ({ ...l, name: say(l.name) })),
      blockerTypes: content.blockerTypes?.map((b) => ({
        ...b,
        name: say(b.name),
        description: sayMaybe(b.description),
      })),
      fields: content.fields?.map((f) => ({
        ...f,
        options: f.options?.map((o) => ({ ...o, name: say(o.name) })),
        name: say(f.name),
      })),
      cards: content.cards?.map((c) => ({
        ...c,
        name: say(c.name),
        description: sayMaybe(c.description),
        status: say(c.status),
        labels: c.labels?.map(say),
        todos: c.todos?.map(say),
      })),
    },
  };
};
