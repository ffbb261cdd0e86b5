/**
 * What the server refuses, in the reader's language: a problem's `detail` follows the signed-in
 * person's `users.locale`, else the request's Accept-Language, else English (exactly as before).
 */
import { type TestDriver, testDriver } from "@lattice/db/testing";
import type { BlockerType, Blocking, CardRelation, Status } from "@lattice/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, factories, type Harness, startHarness } from "../test/harness.js";
import { expectProblem } from "../test/problems.js";

const refusalsSuite = (driver: TestDriver): void => {
  describe(`refusals in the reader's language (${driver})`, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness(driver);
    });
    afterAll(async () => h?.close());

    const f = () => factories(h.app);
    const speaking = async (name: string, locale: string): Promise<Client> => {
      const client = await f().user(name);
      expect((await client.patch("/api/me/settings", { locale })).statusCode).toBe(200);
      return client;
    };

    it("tells a German reader in German and an Arabic reader in Arabic that a blocked card cannot move", async () => {
      const admin = await f().user("Admin");
      const ana = await f().user("Ana");
      const greta = await speaking("Greta", "de");
      const amal = await speaking("Amal", "ar");
      const workspace = await f().workspace(ana);
      for (const reader of [greta, amal]) await f().member(ana, workspace.id, reader, "member");
      const space = await f().space(ana, workspace.id);
      const [, doing] = (await f().statuses(ana, space.id)) as [Status, Status];
      const type = (
        await admin.post("/api/blocker-types", { kind: "global", name: "Waiting for supplier" })
      ).json<BlockerType>();
      const card = await f().card(ana, space.id, { name: "Order chairs" });
      const blocked = await ana.post(`/api/cards/${card.id}/blockings`, {
        blockerTypeId: type.id,
        reason: "No answer",
        responsibleId: ana.user.id,
      });
      expect(blocked.statusCode, blocked.body).toBe(201);
      expect(blocked.json<Blocking>().clearedAt).toBeNull();

      const move = (reader: Client) => reader.post(`/api/cards/${card.id}/move`, { statusId: doing.id });
      expect(expectProblem(await move(ana), 409, "blocked").detail).toBe(
        "It is blocked by Waiting for supplier (No answer); clear it before changing its status",
      );
      expect(expectProblem(await move(greta), 409, "blocked").detail).toBe(
        "Die Karte ist blockiert durch Waiting for supplier (No answer); lösen Sie diese Blockierung, bevor Sie den Status ändern",
      );
      expect(expectProblem(await move(amal), 409, "blocked").detail).toBe(
        "البطاقة محظورة بسبب Waiting for supplier (No answer)؛ أزل هذا العائق قبل تغيير حالتها",
      );
    });

    it("names a cycle of relations in the reader's language", async () => {
      const ana = await f().user("Ana");
      const greta = await speaking("Greta", "de");
      const workspace = await f().workspace(ana);
      await f().member(ana, workspace.id, greta, "member");
      const space = await f().space(ana, workspace.id);
      const a = await f().card(ana, space.id, { name: "Plan rota" });
      const b = await f().card(ana, space.id, { name: "Publish rota" });
      const relate = (reader: Client, from: string, to: string) =>
        reader.post(`/api/cards/${from}/relations`, { type: "next", cardId: to });
      const made = await relate(ana, a.id, b.id);
      expect(made.statusCode, made.body).toBe(201);
      expect(made.json<CardRelation>().fromCardId).toBe(a.id);
      const problem = expectProblem(await relate(greta, b.id, a.id), 409, "cycle");
      expect(problem.detail).toBe(
        "Dadurch entstünde ein Kreis: „Publish rota“ kommt vor „Plan rota“ kommt vor „Publish rota“",
      );
      expect(problem.title).toBe("The relation would close a cycle");
    });

    it("answers a visitor's attempt in the visitor's language, and a stranger's 404 too", async () => {
      const ana = await f().user("Ana");
      const greta = await speaking("Greta", "de");
      const otto = await speaking("Otto", "ar");
      const workspace = await f().workspace(ana);
      await f().member(ana, workspace.id, greta, "visitor");
      const space = await f().space(ana, workspace.id);
      const card = await f().card(ana, space.id);
      expect(
        expectProblem(await greta.patch(`/api/cards/${card.id}`, { name: "Nope" }), 403, "forbidden").detail,
      ).toBe("Gäste können lesen und kommentieren, dies aber nicht ändern");
      expect(
        expectProblem(await otto.patch(`/api/cards/${card.id}`, { name: "Nope" }), 404, "not_found").detail,
      ).toBe("لم يُعثر على البطاقة");
    });

    it("answers a request without a session in its Accept-Language, and in English without one", async () => {
      const login = (headers: Record<string, string>) =>
        f().anonymous.request(
          "POST",
          "/api/auth/login",
          { email: "nobody@example.test", password: "not the password" },
          headers,
        );
      expect(
        expectProblem(await login({ "accept-language": "de-AT, en;q=0.5" }), 401, "invalid_credentials")
          .detail,
      ).toBe("E-Mail-Adresse oder Passwort ist falsch");
      expect(expectProblem(await login({ "accept-language": "ar" }), 401, "invalid_credentials").detail).toBe(
        "البريد الإلكتروني أو كلمة المرور غير صحيحة",
      );
      expect(expectProblem(await login({ "accept-language": "fr" }), 401, "invalid_credentials").detail).toBe(
        "Email or password is wrong",
      );
      expect(expectProblem(await login({}), 401, "invalid_credentials").detail).toBe(
        "Email or password is wrong",
      );
    });
  });
};

refusalsSuite(testDriver());
