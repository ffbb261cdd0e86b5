import type { Board, CustomField } from "@lattice/domain";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "../api/client";
import { api } from "../api/endpoints";
import { useBoard } from "./board";
import { useToasts } from "./toasts";

vi.mock("../api/endpoints", () => ({
  api: { getBoard: vi.fn(), setCardField: vi.fn() },
}));

const ws = "00000000-0000-4000-8000-000000000001";
const spaceId = "00000000-0000-4000-8000-000000000002";
const todo = "00000000-0000-4000-8000-0000000000a1";
const cardId = "00000000-0000-4000-8000-000000000003";
const cardio = "00000000-0000-4000-8000-0000000000c1";
const now = "2024-01-01T00:00:00.000Z";

const ward: CustomField = {
  id: "00000000-0000-4000-8000-0000000000f1",
  workspaceId: ws,
  spaceId,
  name: "Ward",
  kind: "single_choice",
  options: [{ id: cardio, name: "Cardiology", color: "#c92a2a" }],
  showOnCard: true,
  position: "a0",
};

const snapshot: Board & { fields: CustomField[]; fieldValues: [] } = {
  space: {
    id: spaceId,
    workspaceId: ws,
    folderId: null,
    name: "Beds",
    description: "",
    position: "a0",
    isPrivate: false,
    serviceLevelDays: null,
    archivedAt: null,
    createdAt: now,
    updatedAt: now,
  },
  role: "member",
  statuses: [
    {
      id: todo,
      workspaceId: ws,
      spaceId,
      name: "To Do",
      position: "a0",
      role: "not_started",
      wipLimit: null,
    },
  ],
  cards: [
    {
      id: cardId,
      workspaceId: ws,
      spaceId,
      statusId: todo,
      name: "Bed 4",
      description: "",
      position: "a0",
      createdBy: null,
      responsibleId: null,
      coworkerIds: [],
      labelIds: [],
      startDate: null,
      dueDate: null,
      todoTotal: 0,
      todoDone: 0,
      isBlocked: false,
      createdAt: now,
      updatedAt: now,
      completedAt: null,
      archivedAt: null,
      version: 1,
      attachmentCount: 0,
      coverAttachmentId: null,
      repeat: null,
    },
  ],
  fields: [ward],
  fieldValues: [],
  seq: 1,
};

beforeEach(async () => {
  vi.mocked(api.getBoard).mockResolvedValue(snapshot);
  useToasts.setState({ toasts: [] });
  await useBoard.getState().load(spaceId);
});

describe("board store: custom field values", () => {
  it("shows a value at once and keeps it when the server confirms", async () => {
    let confirm: (value: { cardId: string; fieldId: string; value: string }) => void = () => {};
    vi.mocked(api.setCardField).mockReturnValue(new Promise((resolve) => (confirm = resolve)));
    const saving = useBoard.getState().setCardField(cardId, ward.id, cardio);
    expect(useBoard.getState().view.fieldValues?.[cardId]).toEqual({ [ward.id]: cardio });
    expect(useBoard.getState().confirmed.fieldValues?.[cardId]).toBeUndefined();
    confirm({ cardId, fieldId: ward.id, value: cardio });
    expect(await saving).toBe(true);
    expect(useBoard.getState().confirmed.fieldValues?.[cardId]).toEqual({ [ward.id]: cardio });
  });

  it("refuses a value the field does not allow before sending it, and says why", async () => {
    vi.mocked(api.setCardField).mockClear();
    expect(await useBoard.getState().setCardField(cardId, ward.id, "not-an-option")).toBe(false);
    expect(api.setCardField).not.toHaveBeenCalled();
    expect(useToasts.getState().toasts.at(-1)?.message).toMatch(/not an option of this field/);
  });

  it("drops the optimistic value when the server refuses it", async () => {
    vi.mocked(api.setCardField).mockRejectedValue(
      new ApiError({
        status: 400,
        code: "validation_failed",
        title: "The request is not valid",
        detail: "body.value is not a user of this space",
      }),
    );
    expect(await useBoard.getState().setCardField(cardId, ward.id, cardio)).toBe(false);
    expect(useBoard.getState().view.fieldValues?.[cardId]).toBeUndefined();
    expect(useToasts.getState().toasts.at(-1)?.message).toMatch(/Could not set Ward/);
  });
});
