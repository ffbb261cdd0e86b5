/**
 * The refusal sentences with the catalogs they need, as their own entry: the web app imports this
 * on demand (the catalogs stay out of its first screen) to say a refusal in the interface's language.
 */
export { refusalSentence } from "./refusal.js";
export { createTranslator } from "./translator.js";
