/** Arabic (العربية): every English key, translated; every plural spells out all six CLDR forms: the ui messages (docs/I18N.md, which lists what each file covers). */
import type { ui as english } from "../en/ui";

export const ui: Record<keyof typeof english, string> = {
  "common.cancel": "إلغاء",
  "common.save": "حفظ",
  "common.close": "إغلاق",
  "common.delete": "حذف",
  "common.remove": "إزالة",
  "common.add": "إضافة",
  "common.edit": "تعديل",
  "common.create": "إنشاء",
  "common.rename": "إعادة تسمية",
  "common.back": "رجوع",
  "common.done": "تم",
  "common.none": "لا شيء",
  "common.apply": "تطبيق",
  "common.undo": "تراجع",
  "common.archive": "أرشفة",
  "common.restore": "استعادة",
  "common.saving": "جارٍ الحفظ…",
  "common.unknownPerson": "شخص ما",
  "common.error": "حدث خطأ. {reason}",
};
