/** An optimistic mutator's refusal said in the interface's language. */
import { notFound, roleRefusal } from "@lattice/domain";
import { afterEach, describe, expect, it } from "vitest";
import { useI18n } from "../lib/i18n/i18n";
import { createTranslator } from "../lib/i18n/runtime";
import { sayRefusal } from "./refusals";

const said = (refusal: ReturnType<typeof notFound>) =>
  new Promise<string>((resolve) => sayRefusal(refusal, resolve));

describe("sayRefusal", () => {
  afterEach(() => useI18n.setState({ translator: null }));

  it("says the refusal's own English sentence at once in English", async () => {
    useI18n.setState({ translator: await createTranslator("en", "en", "UTC") });
    let sentence = "";
    sayRefusal(roleRefusal("member"), (text) => {
      sentence = text;
    });
    expect(sentence).toBe("Your role (member) does not allow this");
  });

  it("says it in German and in Arabic once the domain's sentences are loaded", async () => {
    useI18n.setState({ translator: await createTranslator("de", "de", "UTC") });
    expect(await said(notFound("Card"))).toBe("Karte nicht gefunden");
    expect(await said(roleRefusal("visitor"))).toBe(
      "Gäste können lesen und kommentieren, dies aber nicht ändern",
    );
    useI18n.setState({ translator: await createTranslator("ar", "ar", "UTC") });
    expect(await said(notFound("Card"))).toBe("لم يُعثر على البطاقة");
  });
});
