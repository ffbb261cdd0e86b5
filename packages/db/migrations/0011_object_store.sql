CREATE TABLE "object_deletions" (
	"object_key" text PRIMARY KEY NOT NULL,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "attachments" ADD COLUMN "object_key" text;--> statement-breakpoint
CREATE INDEX "attachments_object_key_idx" ON "attachments" USING btree ("object_key") WHERE "attachments"."object_key" IS NOT NULL;--> statement-breakpoint
-- Hand-written: queue the object of every attachment row that goes, also by a cascade from its card,
-- space or workspace, in the deleting transaction itself (the sweeper deletes it from the store).
CREATE FUNCTION "queue_object_deletion"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "object_deletions" ("object_key") VALUES (OLD."object_key") ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "attachments_queue_object_deletion" AFTER DELETE ON "attachments"
  FOR EACH ROW WHEN (OLD."object_key" IS NOT NULL) EXECUTE FUNCTION "queue_object_deletion"();
