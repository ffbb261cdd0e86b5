import { type SQL, sql } from "drizzle-orm";
import { type AnyPgColumn, check, customType, integer, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Fractional-index ordering keys. COLLATE "C" makes PostgreSQL compare them byte-wise, the same
 * order the domain's `compareKeys` gives, whatever the database's default collation is.
 */
export const orderKey = customType<{ data: string; driverData: string }>({
  dataType: () => 'text COLLATE "C"',
});

export const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();
export const archivedAt = () => timestamp("archived_at", { withTimezone: true });

/**
 * A column holding one of a fixed set of words: typed as that union in TypeScript (no casts where it
 * is read) and held to it by a CHECK constraint named `<table>_<column>_check` (see `oneOfCheck`).
 */
export const oneOf = <const T extends readonly [string, ...string[]]>(name: string, values: T) =>
  text(name, { enum: values as unknown as [T[number], ...T[number][]] });

export const oneOfCheck = (
  table: string,
  column: AnyPgColumn,
  values: readonly string[],
): ReturnType<typeof check> =>
  check(
    `${table}_${column.name}_check`,
    sql`${column} IN (${sql.join(
      values.map((value): SQL => sql.raw(`'${value.replaceAll("'", "''")}'`)),
      sql`, `,
    )})`,
  );

/** A whole number held to [min, max] by a CHECK constraint named `<table>_<column>_check`; null allowed. */
export const boundedInteger = (name: string) => integer(name);

export const boundedCheck = (
  table: string,
  column: AnyPgColumn,
  range: { readonly min: number; readonly max: number },
): ReturnType<typeof check> =>
  check(
    `${table}_${column.name}_check`,
    sql`${column} BETWEEN ${sql.raw(String(range.min))} AND ${sql.raw(String(range.max))}`,
  );
