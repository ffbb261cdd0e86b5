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
      expect(problem.title).toBe("Die Beziehung würde einen Kreis schließen");
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
    it("words a request that fails its schema in the reader's language, naming the fields as sent", async () => {
      const ana = await f().user("Ana");
      const greta = await speaking("Greta", "de");
      const amal = await speaking("Amal", "ar");
      const workspace = await f().workspace(ana);
      for (const reader of [greta, amal]) await f().member(ana, workspace.id, reader, "member");
      const space = await f().space(ana, workspace.id);
      const create = (reader: Client) =>
        reader.post(`/api/spaces/${space.id}/saved-views`, {
          name: "x".repeat(1000),
          kind: "board",
          colour: "red",
        });

      const english = expectProblem(await create(ana), 400, "validation_failed");
      const german = expectProblem(await create(greta), 400, "validation_failed");
      const arabic = expectProblem(await create(amal), 400, "validation_failed");
      expect(english.title).toBe("The request is not valid");
      expect(german.title).toBe("Die Anfrage ist ungültig");
      expect(arabic.title).toBe("الطلب غير صالح");
      // The same fields, in the same order, whatever the language.
      const fields = english.errors?.map((e) => e.field);
      expect(fields).toEqual(expect.arrayContaining(["body.name", "body.colour"]));
      expect(german.errors?.map((e) => e.field)).toEqual(fields);
      expect(arabic.errors?.map((e) => e.field)).toEqual(fields);
      const messageOf = (problem: typeof german, field: string) =>
        problem.errors?.find((e) => e.field === field)?.message;
      expect(messageOf(german, "body.colour")).toBe("ist kein bekanntes Feld");
      expect(messageOf(arabic, "body.colour")).toBe("ليس حقلًا معروفًا");
      expect(messageOf(german, "body.name")).toMatch(/^darf höchstens \d+ Zeichen lang sein$/);
      expect(messageOf(arabic, "body.name")).toMatch(/^يجب ألا يتجاوز \S+ حرفًا$/);
      expect(german.detail).toContain("body.colour ist kein bekanntes Feld");
      expect(german.detail).not.toMatch(/[Ff]ield|must|known/);
      expect(arabic.detail).toContain("body.colour ليس حقلًا معروفًا");
    });

    it("says the refusals that were English only in the reader's language", async () => {
      const ana = await f().user("Ana");
      const greta = await speaking("Greta", "de");
      const amal = await speaking("Amal", "ar");
      const workspace = await f().workspace(ana);
      await f().member(ana, workspace.id, greta, "visitor");
      await f().member(ana, workspace.id, amal, "member");
      const space = await f().space(ana, workspace.id);
      const card = await f().card(ana, space.id, { name: "Order chairs" });

      // A field problem of a domain mutator (the detail names the field, the problem is translated).
      const move = expectProblem(
        await amal.post(`/api/cards/${card.id}/move`, { statusId: space.id }),
        400,
        "validation_failed",
      );
      expect(move.detail).toBe("body.statusId ليست حالة في مساحة هذه البطاقة");
      expect(move.errors).toEqual([{ field: "body.statusId", message: "ليست حالة في مساحة هذه البطاقة" }]);

      // A repeat rule (recurrence).
      const rule = expectProblem(
        await amal.put(`/api/cards/${card.id}/repeat`, { rule: "FREQ=HOURLY" }),
        422,
        "unprocessable",
      );
      expect(rule.detail).toMatch(/^(للبطاقات تواريخ لا أوقات|أعطِ البطاقة تاريخًا|تتكرر البطاقة)/);

      // A saved view (saved-views.ts): a visitor may not share one.
      const shared = expectProblem(
        await greta.post(`/api/spaces/${space.id}/saved-views`, {
          name: "Mine",
          kind: "board",
          isShared: true,
        }),
        403,
        "forbidden",
      );
      expect(shared.detail).toBe("Gäste haben persönliche Ansichten; geteilte Ansichten legen Mitglieder an");
      expect(shared.title).toBe("Das dürfen Sie nicht");

      // An upload that is not multipart (routes/attachments.ts).
      const upload = expectProblem(
        await amal.post(`/api/cards/${card.id}/attachments`, { file: "not a file" }),
        415,
        "unsupported_media_type",
      );
      expect(upload.detail).toBe("أرسل الملفات بصيغة multipart/form-data، كل منها في الحقل «file»");

      // The Idempotency-Key header (plugins/mutations.ts).
      const key = expectProblem(
        await greta.request(
          "POST",
          `/api/cards/${card.id}/move`,
          { statusId: space.id },
          { "idempotency-key": "k".repeat(201) },
        ),
        400,
        "validation_failed",
      );
      expect(key.detail).toBe("Der Header Idempotency-Key muss 1 bis 200 Zeichen lang sein");
      expect(key.errors).toEqual([
        { field: "headers.idempotency-key", message: "muss 1 bis 200 Zeichen lang sein" },
      ]);

      // A chart's period (routes/charts.ts).
      const chart = expectProblem(
        await greta.get(`/api/spaces/${space.id}/charts/time?from=2026-03-02&to=2026-03-01`),
        400,
        "validation_failed",
      );
      expect(chart.detail).toBe("querystring.to darf nicht vor from liegen");

      // Without a session: the title is in the request's language too.
      const invited = expectProblem(
        await f().anonymous.request(
          "POST",
          `/api/workspaces/${workspace.id}/invitations`,
          { email: greta.user.email, role: "member" },
          { "accept-language": "de" },
        ),
        401,
        "unauthenticated",
      );
      expect(invited.detail).toBe("Melden Sie sich an, um fortzufahren");
      expect(invited.title).toBe("Sie müssen sich anmelden");
    });

    it("says a password reset link's refusal and a foreign origin's in the request's language", async () => {
      const reset = expectProblem(
        await f().anonymous.request(
          "POST",
          "/api/auth/password/reset",
          { token: "a".repeat(43), password: "a long enough new password" },
          { "accept-language": "de" },
        ),
        400,
        "validation_failed",
      );
      expect(reset.detail).toBe("Dieser Link ist ungültig; fordern Sie einen neuen an");
      expect(reset.errors).toEqual([
        { field: "body.token", message: "Dieser Link ist ungültig; fordern Sie einen neuen an" },
      ]);

      const forged = expectProblem(
        await f().anonymous.request(
          "POST",
          "/api/auth/login",
          { email: "nobody@example.test", password: "not the password" },
          { "accept-language": "ar", origin: "https://elsewhere.example" },
        ),
        403,
        "forbidden",
      );
      expect(forged.detail).toMatch(/^لا تُقبل الطلبات من https:\/\/elsewhere\.example؛/);

      const noRoute = expectProblem(
        await (await speaking("Gerd", "de")).get("/api/no-such-thing"),
        404,
        "not_found",
      );
      expect(noRoute.title).toBe("Nicht gefunden");
      expect(noRoute.detail).toBe("Keine Route GET /api/no-such-thing");
    });
  });
};

refusalsSuite(testDriver());
