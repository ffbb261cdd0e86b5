/** English, the source language: the planning messages (docs/I18N.md, which lists what each file covers). */
export const planning = {} satisfies Record<string, string>;
