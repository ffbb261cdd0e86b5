/**
 * Full-text search over what the caller can read: card names and descriptions, comments, and the
 * names of attached documents (dots, dashes and underscores split words there: "rota" finds
 * "night-rota.pdf"); archived cards are found too, marked and listed after the live ones, so they
 * can be opened and restored. The match expressions are exactly those of the GIN indexes
 * (cards_search_idx, comments_search_idx, attachments_search_idx), so the planner can use them.
 * The last word also matches as a prefix ("tri" finds "Triage"), from a tsquery built only of word
 * characters, never of raw input.
 *
 * Security: the readable spaces are computed first (one query, the domain's role rules), and every
 * hit is restricted to them; a private workspace or private space the caller is not in never shows.
 */
import { type Executor, readableSpaceIds } from "@lattice/db";
import { sql } from "drizzle-orm";

export interface SearchHit {
  cardId: string;
  spaceId: string;
  workspaceId: string;
  name: string;
  snippet: string;
  matchedIn: "card" | "comment" | "attachment";
  /** Archived cards are found too (so they can be restored), after the live ones. */
  isArchived: boolean;
}

/** The words of a query, letters and digits only (at most 16). */
export const searchTerms = (q: string): string[] =>
  q
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0)
    .slice(0, 16);

/** `word & word & last:*`: every word, the last one as a prefix. Null when there is no word. */
export const prefixQuery = (q: string): string | null => {
  const terms = searchTerms(q);
  if (terms.length === 0) return null;
  return terms.map((t, i) => (i === terms.length - 1 ? `${t}:*` : t)).join(" & ");
};

const rowsOf = (result: unknown): Record<string, unknown>[] =>
  (result as { rows: Record<string, unknown>[] }).rows;

export const search = async (
  db: Executor,
  userId: string,
  q: string,
  limit: number,
): Promise<SearchHit[]> => {
  const prefix = prefixQuery(q);
  if (!prefix) return [];
  const spaceIds = await readableSpaceIds(db, userId);
  if (spaceIds.length === 0) return [];
  // Ids are UUIDs (no quoting needed): the whole list is one parameter.
  const spaces = `{${spaceIds.join(",")}}`;
  const result = await db.execute(sql`
    WITH query AS (
      SELECT websearch_to_tsquery('simple', ${q}) || to_tsquery('simple', ${prefix}) AS q
    ),
    hits AS (
      SELECT c.id AS card_id, 'card' AS matched_in, c.archived_at IS NOT NULL AS is_archived,
        ts_rank(to_tsvector('simple', c.name || ' ' || c.description), query.q) AS rank,
        -- The result shows the name already: the snippet is drawn from the description alone.
        c.description AS text
      FROM cards c, query
      WHERE to_tsvector('simple', c.name || ' ' || c.description) @@ query.q
        AND c.space_id = ANY(${spaces}::uuid[])
      UNION ALL
      SELECT cm.card_id, 'comment', c.archived_at IS NOT NULL,
        ts_rank(to_tsvector('simple', cm.body), query.q),
        cm.body
      FROM comments cm JOIN cards c ON c.id = cm.card_id, query
      WHERE to_tsvector('simple', cm.body) @@ query.q
        AND cm.space_id = ANY(${spaces}::uuid[])
      UNION ALL
      SELECT a.card_id, 'attachment', c.archived_at IS NOT NULL,
        ts_rank(to_tsvector('simple', translate(a.name, '._-', '   ')), query.q),
        a.name
      FROM attachments a JOIN cards c ON c.id = a.card_id, query
      WHERE to_tsvector('simple', translate(a.name, '._-', '   ')) @@ query.q
        AND a.space_id = ANY(${spaces}::uuid[])
        AND a.uploaded_at IS NOT NULL
    ),
    best AS (
      SELECT DISTINCT ON (card_id) card_id, matched_in, is_archived, rank, text
      FROM hits
      ORDER BY card_id, (matched_in = 'card') DESC, rank DESC
    ),
    top AS (
      SELECT * FROM best ORDER BY is_archived, rank DESC, card_id LIMIT ${limit}
    )
    SELECT top.card_id AS "cardId", c.space_id AS "spaceId", c.workspace_id AS "workspaceId", c.name,
      top.matched_in AS "matchedIn", top.is_archived AS "isArchived", top.rank,
      ts_headline('simple', top.text, query.q,
        'StartSel=**, StopSel=**, MaxWords=24, MinWords=8, MaxFragments=1, FragmentDelimiter=" … "')
        AS snippet
    FROM top JOIN cards c ON c.id = top.card_id, query
    ORDER BY top.is_archived, top.rank DESC, c.name
  `);
  return rowsOf(result).map((r) => ({
    cardId: String(r.cardId),
    spaceId: String(r.spaceId),
    workspaceId: String(r.workspaceId),
    name: String(r.name),
    snippet: String(r.snippet ?? "")
      .replace(/\s+/g, " ")
      .trim(),
    matchedIn: r.matchedIn === "comment" || r.matchedIn === "attachment" ? r.matchedIn : "card",
    isArchived: r.isArchived === true,
  }));
};
