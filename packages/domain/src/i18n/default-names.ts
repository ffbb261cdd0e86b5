/**
 * Names the server gives new data in its creator's language: a new space's columns and My space's
 * first columns. Once written they are the space's data, renamed like any other, never re-translated.
 */
import type { StatusRole } from "../roles.js";
import type { ServerMessageKey, Translator } from "./translator.js";

const defaultStatusKeys: ReadonlyArray<{ key: ServerMessageKey; role: StatusRole }> = [
  { key: "words.status.toDo", role: "not_started" },
  { key: "words.status.doing", role: "in_progress" },
  { key: "words.status.done", role: "completed" },
];

/** A new space's "To Do / Doing / Done" in the translator's language, with their roles. */
export const defaultStatusesIn = (translator: Translator): Array<{ name: string; role: StatusRole }> =>
  defaultStatusKeys.map(({ key, role }) => ({ name: translator.t(key), role }));

const mySpaceColumnKeys = [
  "words.mySpace.toDo",
  "words.mySpace.thisWeek",
  "words.mySpace.doing",
  "words.mySpace.done",
] as const satisfies readonly ServerMessageKey[];

/** My space's first columns ("To do, This week, Doing, Done") in the translator's language. */
export const defaultMySpaceColumnsIn = (translator: Translator): string[] =>
  mySpaceColumnKeys.map((key) => translator.t(key));
