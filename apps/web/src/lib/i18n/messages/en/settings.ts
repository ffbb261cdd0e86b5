/** English, the source language: the settings messages (docs/I18N.md, which lists what each file covers). */
export const settings = {} satisfies Record<string, string>;
