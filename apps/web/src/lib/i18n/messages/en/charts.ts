/** English, the source language: the charts messages (docs/I18N.md, which lists what each file covers). */
export const charts = {} satisfies Record<string, string>;
