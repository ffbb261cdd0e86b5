/** English, the source language: the ui messages (docs/I18N.md, which lists what each file covers). */
export const ui = {} satisfies Record<string, string>;
