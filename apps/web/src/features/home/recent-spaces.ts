/**
 * The spaces a person opened lately, newest first, kept in this browser per person (another person
 * signing in here gets their own list). Only ids are kept: names, and whether a space still exists,
 * come from the live workspace trees when the list is shown.
 */
import { useEffect } from "react";
import { matchPath, useLocation } from "react-router";
import { useSession } from "../../store/session";

export interface RecentSpace {
  workspaceId: string;
  spaceId: string;
}

export const maxRecentSpaces = 8;
const keyOf = (userId: string) => `lattice.recent-spaces.${userId}`;

const isRecent = (value: unknown): value is RecentSpace =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as RecentSpace).workspaceId === "string" &&
  typeof (value as RecentSpace).spaceId === "string";

export const readRecentSpaces = (userId: string): RecentSpace[] => {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(keyOf(userId)) ?? "[]");
    return Array.isArray(parsed) ? parsed.filter(isRecent).slice(0, maxRecentSpaces) : [];
  } catch {
    // Storage blocked or a value this version cannot read: no recent spaces rather than a broken home.
    return [];
  }
};

/** Puts the space first, once, and keeps the newest few. */
export const rememberSpace = (userId: string, entry: RecentSpace): void => {
  const next = [entry, ...readRecentSpaces(userId).filter((r) => r.spaceId !== entry.spaceId)].slice(
    0,
    maxRecentSpaces,
  );
  try {
    localStorage.setItem(keyOf(userId), JSON.stringify(next));
  } catch {
    // Storage full or blocked: the list is a convenience, the page works without it.
  }
};

/** Records every space view the person opens (board, list, calendar, charts, a card in one). */
export const useRecordRecentSpace = (): void => {
  const userId = useSession((s) => s.user?.id ?? null);
  const { pathname } = useLocation();
  const match = matchPath("/w/:workspaceId/s/:spaceId/*", pathname);
  const workspaceId = match?.params.workspaceId;
  const spaceId = match?.params.spaceId;
  useEffect(() => {
    if (userId && workspaceId && spaceId) rememberSpace(userId, { workspaceId, spaceId });
  }, [userId, workspaceId, spaceId]);
};
