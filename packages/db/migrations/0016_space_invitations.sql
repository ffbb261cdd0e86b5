DROP INDEX "invitations_open_key";--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "space_id" uuid;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "space_role" text;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_open_space_key" ON "invitations" USING btree ("space_id","email") WHERE "invitations"."accepted_at" IS NULL AND "invitations"."revoked_at" IS NULL AND "invitations"."space_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "invitations_space_idx" ON "invitations" USING btree ("space_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_open_key" ON "invitations" USING btree ("workspace_id","email") WHERE "invitations"."accepted_at" IS NULL AND "invitations"."revoked_at" IS NULL AND "invitations"."space_id" IS NULL;--> statement-breakpoint
-- Hand-written: an invitation to a space always says the role in it, and only such an invitation does.
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_space_role_check" CHECK (("space_id" IS NULL) = ("space_role" IS NULL));
