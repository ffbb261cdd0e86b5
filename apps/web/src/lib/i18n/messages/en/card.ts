/** English, the source language: the card messages (docs/I18N.md, which lists what each file covers). */
export const card = {} satisfies Record<string, string>;
