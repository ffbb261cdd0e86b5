CREATE TABLE "saved_views" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"space_id" uuid NOT NULL,
	"owner_id" uuid,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"query" text DEFAULT '' NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"position" text COLLATE "C" NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "saved_views_kind_check" CHECK ("saved_views"."kind" IN ('board', 'list', 'calendar', 'gantt', 'workload', 'forecast', 'time', 'flow', 'aging')),
	CONSTRAINT "saved_views_default_shared_check" CHECK (NOT "saved_views"."is_default" OR "saved_views"."owner_id" IS NULL)
);
--> statement-breakpoint
ALTER TABLE "labels" ADD COLUMN "service_level_days" integer;--> statement-breakpoint
ALTER TABLE "spaces" ADD COLUMN "service_level_days" integer;--> statement-breakpoint
ALTER TABLE "workspace_members" ADD COLUMN "capacity_per_week" integer;--> statement-breakpoint
ALTER TABLE "saved_views" ADD CONSTRAINT "saved_views_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_views" ADD CONSTRAINT "saved_views_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_views" ADD CONSTRAINT "saved_views_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_views" ADD CONSTRAINT "saved_views_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "saved_views_space_idx" ON "saved_views" USING btree ("space_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "saved_views_default_key" ON "saved_views" USING btree ("space_id") WHERE "saved_views"."is_default";--> statement-breakpoint
ALTER TABLE "labels" ADD CONSTRAINT "labels_service_level_days_check" CHECK ("labels"."service_level_days" BETWEEN 1 AND 3650);--> statement-breakpoint
ALTER TABLE "spaces" ADD CONSTRAINT "spaces_service_level_days_check" CHECK ("spaces"."service_level_days" BETWEEN 1 AND 3650);--> statement-breakpoint
ALTER TABLE "workspace_members" ADD CONSTRAINT "workspace_members_capacity_per_week_check" CHECK ("workspace_members"."capacity_per_week" BETWEEN 1 AND 500);