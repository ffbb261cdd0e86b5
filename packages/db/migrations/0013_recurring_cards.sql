CREATE TABLE "card_occurrences" (
	"series_id" uuid NOT NULL,
	"occurrence_date" date NOT NULL,
	"workspace_id" uuid NOT NULL,
	"card_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "card_occurrences_series_id_occurrence_date_pk" PRIMARY KEY("series_id","occurrence_date")
);
--> statement-breakpoint
CREATE TABLE "card_series" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"current_card_id" uuid,
	"rule" text NOT NULL,
	"ends_after" integer,
	"ends_on" date,
	"time_zone" text NOT NULL,
	"create_when" text NOT NULL,
	"days_before" integer DEFAULT 0 NOT NULL,
	"anchor_date" date NOT NULL,
	"occurrence_date" date NOT NULL,
	"occurrence_count" integer DEFAULT 1 NOT NULL,
	"next_date" date,
	"due_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"stopped_at" timestamp with time zone,
	CONSTRAINT "card_series_create_when_check" CHECK ("card_series"."create_when" IN ('completed', 'before_start'))
);
--> statement-breakpoint
ALTER TABLE "card_occurrences" ADD CONSTRAINT "card_occurrences_series_id_card_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."card_series"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "card_occurrences" ADD CONSTRAINT "card_occurrences_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "card_occurrences" ADD CONSTRAINT "card_occurrences_card_id_cards_id_fk" FOREIGN KEY ("card_id") REFERENCES "public"."cards"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "card_series" ADD CONSTRAINT "card_series_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "card_series" ADD CONSTRAINT "card_series_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "card_occurrences_card_idx" ON "card_occurrences" USING btree ("card_id");--> statement-breakpoint
CREATE UNIQUE INDEX "card_series_current_card_key" ON "card_series" USING btree ("current_card_id") WHERE current_card_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "card_series_due_idx" ON "card_series" USING btree ("due_at") WHERE current_card_id IS NOT NULL AND next_date IS NOT NULL;--> statement-breakpoint
CREATE INDEX "card_series_workspace_idx" ON "card_series" USING btree ("workspace_id");