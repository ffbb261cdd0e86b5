import { describe, expect, it } from "vitest";
import { builtInTemplates } from "./built-in.js";
import { builtInTemplateIn, builtInTemplateWords } from "./built-in-words.js";
import { spaceTemplateContentSchema } from "./schemas.js";

/** Every text a built-in template shows, by walking it as the translator does. */
const textsOf = (template: (typeof builtInTemplates)[number]): string[] => {
  const { content } = template;
  return [
    template.name,
    template.description,
    ...content.statuses.map((s) => s.name),
    ...(content.labels ?? []).map((l) => l.name),
    ...(content.blockerTypes ?? []).flatMap((b) => [b.name, ...(b.description ? [b.description] : [])]),
    ...(content.fields ?? []).flatMap((f) => [f.name, ...(f.options ?? []).map((o) => o.name)]),
    ...(content.cards ?? []).flatMap((c) => [
      c.name,
      ...(c.description ? [c.description] : []),
      ...(c.todos ?? []),
    ]),
  ];
};

describe("built-in templates in German and Arabic", () => {
  const texts = new Set(builtInTemplates.flatMap(textsOf));

  it("has a German and an Arabic text for every English one, and none for a text no template has", () => {
    expect([...texts].filter((text) => !builtInTemplateWords[text])).toEqual([]);
    expect(Object.keys(builtInTemplateWords).filter((text) => !texts.has(text))).toEqual([]);
    for (const [english, { de, ar }] of Object.entries(builtInTemplateWords)) {
      expect(de.trim(), english).not.toBe("");
      expect(ar, english).toMatch(/\p{Script=Arabic}/u);
    }
  });

  for (const locale of ["de", "ar"] as const)
    it(`${locale}: each template passes the template schema, its cards in their translated columns`, () => {
      for (const template of builtInTemplates) {
        const said = builtInTemplateIn(template, locale);
        const content = spaceTemplateContentSchema.parse(said.content);
        expect(
          textsOf(said).filter((text) => texts.has(text) && text !== builtInTemplateWords[text]?.[locale]),
        ).toEqual([]);
        const columns = new Set(content.statuses.map((s) => s.name));
        for (const card of content.cards) expect(columns.has(card.status), card.name).toBe(true);
      }
    });
});
