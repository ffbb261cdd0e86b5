/** English, the source language: the board messages (docs/I18N.md, which lists what each file covers). */
export const board = {} satisfies Record<string, string>;
