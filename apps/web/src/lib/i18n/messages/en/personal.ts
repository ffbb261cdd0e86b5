/** English, the source language: the personal messages (docs/I18N.md, which lists what each file covers). */
export const personal = {} satisfies Record<string, string>;
