CREATE TABLE "my_space_columns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"position" text COLLATE "C" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "my_space_placements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"card_id" uuid NOT NULL,
	"workspace_id" uuid NOT NULL,
	"column_id" uuid NOT NULL,
	"position" text COLLATE "C" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "my_space_columns" ADD CONSTRAINT "my_space_columns_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "my_space_placements" ADD CONSTRAINT "my_space_placements_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "my_space_placements" ADD CONSTRAINT "my_space_placements_card_id_cards_id_fk" FOREIGN KEY ("card_id") REFERENCES "public"."cards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "my_space_placements" ADD CONSTRAINT "my_space_placements_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "my_space_placements" ADD CONSTRAINT "my_space_placements_column_id_my_space_columns_id_fk" FOREIGN KEY ("column_id") REFERENCES "public"."my_space_columns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "my_space_columns_user_idx" ON "my_space_columns" USING btree ("user_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "my_space_placements_user_card_key" ON "my_space_placements" USING btree ("user_id","card_id");--> statement-breakpoint
CREATE INDEX "my_space_placements_column_idx" ON "my_space_placements" USING btree ("column_id","position");--> statement-breakpoint
CREATE INDEX "my_space_placements_card_idx" ON "my_space_placements" USING btree ("card_id");