import { customType, timestamp } from "drizzle-orm/pg-core";

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
