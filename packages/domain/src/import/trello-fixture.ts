/**
 * Trello board exports for tests and benchmarks, in the format Trello writes (Board menu → Print,
 * export and share → Export as JSON): 24-hex ids that start with their creation second, `pos`
 * numbers, closed lists and cards, labels without a name or a colour, several checklists on a card,
 * comment actions with their authors, uploaded files and links, and text in several scripts.
 */
import type { TrelloBoardFile } from "./trello.js";

/** A small deterministic generator, so a fixture is the same file every time. */
const generator = (seed: number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
};

export interface TrelloFixtureMember {
  fullName: string;
  username: string;
  email?: string | null;
}

export interface TrelloFixtureOptions {
  cards?: number;
  members?: readonly TrelloFixtureMember[];
  seed?: number;
  /** The board's first object was created at this time; later objects follow it. */
  createdAt?: string;
}

const words = [
  "Complaint",
  "Patient feedback",
  "Ward 3 rota",
  "Survey results",
  "Discharge letter",
  "Station Süd",
  "Rückmeldung Angehörige",
  "Accueil des patients",
  "ملاحظات المرضى",
  "患者アンケート",
  "Follow-up 📞",
];

/** A Trello export with `cards` cards over five open lists and one closed list. */
export const trelloBoardFixture = (options: TrelloFixtureOptions = {}): TrelloBoardFile => {
  const random = generator(options.seed ?? 7);
  const cardCount = options.cards ?? 24;
  let clock = Math.floor(Date.parse(options.createdAt ?? "2025-01-06T08:00:00Z") / 1000);
  let counter = 0;
  const nextId = () => {
    clock += 37;
    counter++;
    const tail = (counter * 2_654_435_761 + Math.floor(random() * 1e9))
      .toString(16)
      .padStart(16, "0")
      .slice(-16);
    return `${clock.toString(16).padStart(8, "0")}${tail}`;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const day = (offset: number) => new Date((clock + offset * 86_400) * 1000).toISOString();

  const members = (
    options.members ?? [
      { fullName: "Ana Lima", username: "analima" },
      { fullName: "Jonas Weiß", username: "jonasweiss" },
      { fullName: "Former Colleague", username: "former" },
    ]
  ).map((m) => ({ id: nextId(), fullName: m.fullName, username: m.username, email: m.email ?? null }));

  const lists = [
    { name: "Intake", closed: false },
    { name: "Waiting for ward reply", closed: false },
    { name: "In Progress", closed: false },
    { name: "Old ideas", closed: true },
    { name: "Done ✅", closed: false },
    { name: "Reference material", closed: false },
  ].map((list, i) => ({ id: nextId(), name: list.name, closed: list.closed, pos: 16_384 * (i + 1) }));

  const labels = [
    { name: "Urgent", color: "red" },
    { name: "Patient impact", color: "orange_dark" },
    { name: "", color: "green" },
    { name: "", color: null },
  ].map((label) => ({ id: nextId(), ...label }));

  const cards: TrelloBoardFile["cards"] = [];
  const checklists: TrelloBoardFile["checklists"] = [];
  const actions: TrelloBoardFile["actions"] = [];
  for (let n = 0; n < cardCount; n++) {
    const id = nextId();
    const list = lists[n % lists.length] ?? lists[0];
    if (!list) throw new Error("a fixture has lists");
    const hasDates = n % 3 !== 2;
    const attachments =
      n % 5 === 0
        ? [
            {
              name: "rota.pdf",
              url: `https://trello.com/1/cards/${id}/attachments/${nextId()}/download/rota.pdf`,
            },
            { name: "Ward wiki", url: "https://intranet.example.org/wards/3?tab=contacts" },
            { name: "Bad link", url: "javascript:alert(1)" },
          ]
        : [];
    cards.push({
      id,
      name: `${pick(words)} ${n + 1}`,
      desc: n % 4 === 0 ? `Notes for **${pick(words)}**\n\n- first point\n- zweiter Punkt` : "",
      idList: list.id,
      pos: 65_535 * (Math.floor(n / lists.length) + 1),
      closed: n % 11 === 10,
      start: hasDates ? day(n % 20) : null,
      due: hasDates ? day((n % 20) + 3 + (n % 7)) : null,
      dueComplete: list.name.startsWith("Done") || n % 13 === 0,
      dateLastActivity: day((n % 20) + 1),
      idLabels: labels.filter((_, i) => (n + i) % 3 === 0).map((l) => l.id),
      idMembers: (n % 4 === 3 ? members : members.filter((_, i) => (n + i) % 2 === 0)).map((m) => m.id),
      attachments,
    });
    const checklistCount = n % 4 === 1 ? 2 : n % 2;
    for (let c = 0; c < checklistCount; c++) {
      checklists.push({
        id: nextId(),
        idCard: id,
        name: c === 0 ? "Before the visit" : "Afterwards",
        pos: 16_384 * (c + 1),
        checkItems: Array.from({ length: 3 }, (_, i) => ({
          id: nextId(),
          name: `${["Call", "Write to", "Ask"][i]} ${pick(words)}`,
          state: i === 0 ? "complete" : "incomplete",
          pos: 16_384 * (i + 1),
        })),
      });
    }
    if (n % 3 === 0) {
      const author = members[(n / 3) % members.length];
      if (author)
        actions.push({
          id: nextId(),
          type: "commentCard",
          date: day((n % 20) + 2),
          idMemberCreator: author.id,
          data: {
            text: `Spoke to the ward — ${pick(words)} (${n + 1})`,
            card: { id, name: `card ${n + 1}` },
          },
          memberCreator: { id: author.id, fullName: author.fullName, username: author.username },
        });
    }
    actions.push({
      id: nextId(),
      type: "createCard",
      date: day(n % 20),
      idMemberCreator: members[0]?.id,
      data: { card: { id } },
      memberCreator: members[0]
        ? { id: members[0].id, fullName: members[0].fullName, username: members[0].username }
        : null,
    });
  }

  return {
    id: nextId(),
    name: "Patient experience 2025",
    desc: "",
    closed: false,
    lists,
    cards,
    labels,
    checklists,
    actions,
    members,
  };
};
