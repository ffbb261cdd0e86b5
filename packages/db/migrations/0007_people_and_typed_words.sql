CREATE TABLE "identities" (
	"issuer" text NOT NULL,
	"subject" text NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "identities_issuer_subject_pk" PRIMARY KEY("issuer","subject")
);
--> statement-breakpoint
CREATE TABLE "sign_in_attempts" (
	"state_hash" text PRIMARY KEY NOT NULL,
	"code_verifier" text NOT NULL,
	"nonce" text NOT NULL,
	"return_to" text DEFAULT '/' NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "password_hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "join_role" text DEFAULT 'visitor' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "deactivated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "color" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "locale" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "time_zone" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "theme" text DEFAULT 'system' NOT NULL;--> statement-breakpoint
ALTER TABLE "identities" ADD CONSTRAINT "identities_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "identities_user_idx" ON "identities" USING btree ("user_id");--> statement-breakpoint
ALTER TABLE "card_status_changes" ADD CONSTRAINT "card_status_changes_from_role_check" CHECK ("card_status_changes"."from_role" IN ('information', 'not_started', 'in_progress', 'completed', 'cancelled'));--> statement-breakpoint
ALTER TABLE "card_status_changes" ADD CONSTRAINT "card_status_changes_to_role_check" CHECK ("card_status_changes"."to_role" IN ('information', 'not_started', 'in_progress', 'completed', 'cancelled'));--> statement-breakpoint
ALTER TABLE "statuses" ADD CONSTRAINT "statuses_role_check" CHECK ("statuses"."role" IN ('information', 'not_started', 'in_progress', 'completed', 'cancelled'));--> statement-breakpoint
ALTER TABLE "blocker_types" ADD CONSTRAINT "blocker_types_kind_check" CHECK ("blocker_types"."kind" IN ('local', 'global', 'on_demand'));--> statement-breakpoint
ALTER TABLE "card_relations" ADD CONSTRAINT "card_relations_kind_check" CHECK ("card_relations"."kind" IN ('parent', 'next'));--> statement-breakpoint
ALTER TABLE "space_members" ADD CONSTRAINT "space_members_role_check" CHECK ("space_members"."role" IN ('owner', 'member', 'visitor'));--> statement-breakpoint
ALTER TABLE "workspace_members" ADD CONSTRAINT "workspace_members_role_check" CHECK ("workspace_members"."role" IN ('owner', 'member', 'visitor'));--> statement-breakpoint
ALTER TABLE "workspaces" ADD CONSTRAINT "workspaces_visibility_check" CHECK ("workspaces"."visibility" IN ('private', 'public', 'org_wide'));--> statement-breakpoint
ALTER TABLE "workspaces" ADD CONSTRAINT "workspaces_join_role_check" CHECK ("workspaces"."join_role" IN ('visitor', 'member'));--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_theme_check" CHECK ("users"."theme" IN ('light', 'dark', 'system'));