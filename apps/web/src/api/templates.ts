/** Space templates (a workspace's and the built-in ones) and card templates (a space's). */
import {
  type CardFromTemplate,
  type CardTemplate,
  type CreateSpaceFromTemplateBody,
  cardFromTemplateSchema,
  cardTemplateListSchema,
  cardTemplateReplySchema,
  type SaveSpaceAsTemplateBody,
  type SpaceTemplate,
  spaceTemplateListSchema,
  spaceTemplateSchema,
  type TemplateResult,
  templateResultSchema,
} from "@lattice/domain";
import { request, requestEmpty } from "./client";

export const listSpaceTemplates = async (workspaceId: string): Promise<SpaceTemplate[]> =>
  (await request("GET", `/api/workspaces/${workspaceId}/space-templates`, spaceTemplateListSchema)).items;

export const saveSpaceAsTemplate = (spaceId: string, body: SaveSpaceAsTemplateBody) =>
  request<SpaceTemplate>("POST", `/api/spaces/${spaceId}/save-as-template`, spaceTemplateSchema, { body });

export const renameSpaceTemplate = (templateId: string, name: string) =>
  request<SpaceTemplate>("PATCH", `/api/space-templates/${templateId}`, spaceTemplateSchema, {
    body: { name },
  });

export const deleteSpaceTemplate = (templateId: string) =>
  requestEmpty("DELETE", `/api/space-templates/${templateId}`);

export const createSpaceFromTemplate = (workspaceId: string, body: CreateSpaceFromTemplateBody) =>
  request<TemplateResult>(
    "POST",
    `/api/workspaces/${workspaceId}/spaces/from-template`,
    templateResultSchema,
    {
      body,
    },
  );

export const listCardTemplates = async (spaceId: string): Promise<CardTemplate[]> =>
  (await request("GET", `/api/spaces/${spaceId}/card-templates`, cardTemplateListSchema)).items;

export const saveCardAsTemplate = (cardId: string, name: string) =>
  request("POST", `/api/cards/${cardId}/save-as-template`, cardTemplateReplySchema, { body: { name } });

export const createCardTemplate = (
  spaceId: string,
  body: { name: string; description?: string; todos?: string[] },
) => request("POST", `/api/spaces/${spaceId}/card-templates`, cardTemplateReplySchema, { body });

export const deleteCardTemplate = (templateId: string) =>
  requestEmpty("DELETE", `/api/card-templates/${templateId}`);

export const createCardFromTemplate = (
  templateId: string,
  body: { name?: string; statusId: string; at: "top" | "bottom" },
) =>
  request<CardFromTemplate>("POST", `/api/card-templates/${templateId}/cards`, cardFromTemplateSchema, {
    body,
  });
