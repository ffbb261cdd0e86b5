/**
 * Refusals in the reader's language: the sentence of a DomainError's key and values, the same as its
 * English `message` for an English reader.
 */
import { describe, expect, it } from "vitest";
import { DomainError, ErrorCode, notFound, roleRefusal } from "../errors.js";
import { type CreateRelationContext, createRelation, type RelationEnd } from "../mutators/create-relation.js";
import { deleteStatus } from "../mutators/delete-status.js";
import { moveCard } from "../mutators/move-card.js";
import { aCard, actor, now } from "../mutators/test-fixtures.js";
import type { Status } from "../schemas.js";
import { refusalSentence } from "./refusal.js";
import { createTranslator } from "./translator.js";

const en = createTranslator("en");
const de = createTranslator("de");
const ar = createTranslator("ar");

const status = (id: string, role: Status["role"]): Status => ({
  id,
  workspaceId: "w1",
  spaceId: "s1",
  name: id === "done" ? "Done" : "To do",
  position: id,
  role,
  wipLimit: null,
});

const blockedMove = (blockings: Array<{ blockerName: string; reason: string }>) => {
  const card = aCard({ id: "a", statusId: "todo", position: "a0", name: "Triage rota" });
  const refused = moveCard(
    {
      role: "member",
      card,
      target: status("done", "completed"),
      source: status("todo", "not_started"),
      openBlockings: blockings,
      neighbours: { before: null, after: null },
    } as never,
    { statusId: "done" },
    actor,
    now,
  );
  if (!(refused instanceof DomainError)) throw new Error("expected a refusal");
  return refused;
};

const end = (id: string): RelationEnd => ({
  id,
  workspaceId: "w1",
  spaceId: "s1",
  name: `Card ${id}`,
  role: "member",
});

const cycle = () => {
  const context: CreateRelationContext = {
    card: end("a"),
    other: end("b"),
    edges: [
      { from: "b", to: "c" },
      { from: "c", to: "a" },
    ],
    names: { a: "Design", b: "Build", c: "Test" },
    relationId: "r1",
  };
  const refused = createRelation(context, { type: "next", cardId: "b" }, actor, now);
  if (!(refused instanceof DomainError)) throw new Error("expected a refusal");
  return refused;
};

describe("refusalSentence", () => {
  it("says a blocked move in German and Arabic, naming the blockers", () => {
    const refused = blockedMove([
      { blockerName: "Waiting", reason: "parts" },
      { blockerName: "Review", reason: "legal" },
    ]);
    expect(refusalSentence(refused, en)).toBe(refused.message);
    expect(refusalSentence(refused, de)).toBe(
      "Die Karte ist blockiert durch Waiting (parts); Review (legal); lösen Sie diese Blockierungen, bevor Sie den Status ändern",
    );
    expect(refusalSentence(refused, ar)).toBe(
      "البطاقة محظورة بسبب Waiting (parts)؛ Review (legal)؛ أزل هذين العائقين قبل تغيير حالتها",
    );
    const one = blockedMove([{ blockerName: "Waiting", reason: "parts" }]);
    expect(refusalSentence(one, en)).toBe(one.message);
    expect(refusalSentence(one, de)).toContain("lösen Sie diese Blockierung,");
  });

  it("says a cycle in the reader's language, each card quoted their way", () => {
    const refused = cycle();
    expect(refusalSentence(refused, en)).toBe(
      "This would close a cycle: 'Design' comes before 'Build' comes before 'Test' comes before 'Design'",
    );
    expect(refusalSentence(refused, de)).toBe(
      "Dadurch entstünde ein Kreis: „Design“ kommt vor „Build“ kommt vor „Test“ kommt vor „Design“",
    );
    expect(refusalSentence(refused, ar)).toContain("«Design» تسبق «Build»");
  });

  it("counts the cards a status still holds with the language's plural", () => {
    const refused = deleteStatus(
      { role: "owner", status: status("todo", "not_started"), cardCount: 2, statusCount: 3 },
      {} as never,
      actor,
      now,
    );
    if (!(refused instanceof DomainError)) throw new Error("expected a refusal");
    expect(refusalSentence(refused, en)).toBe(refused.message);
    expect(refusalSentence(refused, de)).toContain("„To do“ enthält noch 2 Karten");
    expect(refusalSentence(refused, ar)).toContain("بطاقتين");
  });

  it("names the thing not found and the role that may not act", () => {
    expect(refusalSentence(notFound("Saved view"), de)).toBe("Gespeicherte Ansicht nicht gefunden");
    expect(refusalSentence(roleRefusal("member"), en)).toBe("Your role (member) does not allow this");
    expect(refusalSentence(roleRefusal("member"), de)).toBe("Ihre Rolle (Mitglied) erlaubt das nicht");
    expect(refusalSentence(roleRefusal("visitor"), ar)).toBe(
      "يستطيع الزوار القراءة والتعليق لكن لا يستطيعون تغيير هذا",
    );
  });

  it("reads a refusal without a message key as its English sentence", () => {
    const plain = new DomainError(ErrorCode.conflict, "Something specific", [], null);
    expect(refusalSentence(plain, de)).toBe("Something specific");
  });
});
