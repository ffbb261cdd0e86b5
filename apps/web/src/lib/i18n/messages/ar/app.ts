/** Arabic (العربية): every English key, translated; every plural spells out all six CLDR forms: every message of the signed-in app, loaded beside the first screen and awaited by each part loaded on demand (docs/I18N.md). */

import { board } from "./board";
import { card } from "./card";
import { charts } from "./charts";
import { personal } from "./personal";
import { planning } from "./planning";
import { settings } from "./settings";
import { shell } from "./shell";
import { ui } from "./ui";

export const app = { ...shell, ...board, ...card, ...planning, ...charts, ...settings, ...personal, ...ui };
