CREATE TABLE "trash_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"item_id" uuid NOT NULL,
	"name" text NOT NULL,
	"space_id" uuid,
	"parent_id" uuid,
	"place_name" text NOT NULL,
	"reader_ids" uuid[],
	"trashed_by" uuid,
	"trashed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"contents" jsonb NOT NULL,
	"snapshot" jsonb NOT NULL,
	CONSTRAINT "trash_entries_item_id_unique" UNIQUE("item_id"),
	CONSTRAINT "trash_entries_kind_check" CHECK ("trash_entries"."kind" IN ('card', 'space', 'folder'))
);
--> statement-breakpoint
ALTER TABLE "cards" ADD COLUMN "archived_by" uuid;--> statement-breakpoint
ALTER TABLE "folders" ADD COLUMN "archived_by" uuid;--> statement-breakpoint
ALTER TABLE "spaces" ADD COLUMN "archived_by" uuid;--> statement-breakpoint
ALTER TABLE "trash_entries" ADD CONSTRAINT "trash_entries_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trash_entries" ADD CONSTRAINT "trash_entries_trashed_by_users_id_fk" FOREIGN KEY ("trashed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "trash_entries_workspace_idx" ON "trash_entries" USING btree ("workspace_id","trashed_at");--> statement-breakpoint
CREATE INDEX "trash_entries_space_idx" ON "trash_entries" USING btree ("space_id");--> statement-breakpoint
CREATE INDEX "trash_entries_trashed_at_idx" ON "trash_entries" USING btree ("trashed_at");--> statement-breakpoint
ALTER TABLE "cards" ADD CONSTRAINT "cards_archived_by_users_id_fk" FOREIGN KEY ("archived_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "folders" ADD CONSTRAINT "folders_archived_by_users_id_fk" FOREIGN KEY ("archived_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spaces" ADD CONSTRAINT "spaces_archived_by_users_id_fk" FOREIGN KEY ("archived_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- Hand-written: a trash entry that goes (purged, or restored) queues the object-store keys of the
-- documents it holds; the object sweeper deletes only those no attachment row and no other trash
-- entry names (a restored document's row names its key again).
CREATE FUNCTION "queue_trashed_object_deletions"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "object_deletions" ("object_key")
  SELECT DISTINCT r->>'object_key'
  FROM jsonb_array_elements(OLD."snapshot") part, jsonb_array_elements(part->'rows') r
  WHERE part->>'table' = 'attachments' AND r->>'object_key' IS NOT NULL
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "trash_entries_queue_object_deletions" AFTER DELETE ON "trash_entries"
  FOR EACH ROW EXECUTE FUNCTION "queue_trashed_object_deletions"();
