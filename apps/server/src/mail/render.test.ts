import { createTranslator } from "@lattice/domain";
import { describe, expect, it } from "vitest";
import { digestMail, notificationMail } from "./render.js";

const publicUrl = "https://lattice.example.test";

describe("messages in the recipient's language", () => {
  it("writes the digest's subject, date, count and links in Arabic, right to left", () => {
    const mail = digestMail(createTranslator("ar", "Asia/Riyadh"), {
      publicUrl,
      name: "Amal",
      day: "2026-12-07",
      sections: [{ title: "متأخرة", items: [{ text: "Fix <rota>", url: `${publicUrl}/x` }] }],
      unsubscribeUrl: `${publicUrl}/api/mail/unsubscribe?token=t`,
    });
    expect(mail.subject).toBe("ملخص Lattice ليوم الاثنين، 7 ديسمبر: أمر واحد بانتظارك");
    expect(mail.html).toContain('<html lang="ar" dir="rtl">');
    expect(mail.html).toContain("Fix &lt;rota&gt;");
    expect(mail.text).toContain("صباح الخير يا Amal");
    expect(mail.text).toContain("أوقف الملخص اليومي");
    expect(mail.html).toContain("padding-inline-start");
  });

  it("counts in the digest's subject with the language's plurals", () => {
    const items = Array.from({ length: 3 }, (_, i) => ({ text: `Card ${i}`, url: `${publicUrl}/${i}` }));
    const of = (locale: string) =>
      digestMail(createTranslator(locale), {
        publicUrl,
        name: "N",
        day: "2026-12-07",
        sections: [{ title: "Late", items }],
        unsubscribeUrl: `${publicUrl}/u`,
      }).subject;
    expect(of("en")).toBe("Your Lattice digest for Monday 7 December: 3 things to look at");
    expect(of("de")).toBe("Ihre Lattice-Übersicht für Montag, 7. Dezember: 3 Sachen zum Ansehen");
    expect(of("ar")).toContain("3 أمور");
  });

  it("says why a notification came and how to stop it in German", () => {
    const mail = notificationMail(createTranslator("de"), {
      publicUrl,
      workspaceName: "Station 4",
      text: "Ana hat Sie in „Nachtdienst“ erwähnt",
      url: `${publicUrl}/c`,
      topic: "mentioned",
      unsubscribeUrl: `${publicUrl}/u`,
    });
    expect(mail.subject).toBe("Ana hat Sie in „Nachtdienst“ erwähnt");
    expect(mail.text).toContain("Karte öffnen");
    expect(mail.text).toContain("Keine E-Mails mehr über Erwähnungen von Ihnen");
    expect(mail.html).toContain('lang="de" dir="ltr"');
  });
});
