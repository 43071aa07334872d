CREATE TABLE "member_status_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"member_id" integer NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"effective_date" date NOT NULL,
	"reason" text NOT NULL,
	"actor_id" integer,
	"actor_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "members" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"org_path" text NOT NULL,
	"name" text NOT NULL,
	"name_pinyin" text NOT NULL,
	"name_initials" text NOT NULL,
	"gender" text,
	"ethnicity" text,
	"birth_date" date,
	"id_cipher" text NOT NULL,
	"id_hash" text NOT NULL,
	"id_tail" text NOT NULL,
	"id_masked" text NOT NULL,
	"phone_cipher" text NOT NULL,
	"phone_hash" text NOT NULL,
	"phone_tail" text NOT NULL,
	"phone_masked" text NOT NULL,
	"education" text,
	"joined_at" date NOT NULL,
	"full_member_at" date,
	"member_type" text NOT NULL,
	"home_county" text NOT NULL,
	"home_org" text,
	"host_district" text,
	"host_address" text,
	"employer" text,
	"occupation" text,
	"industry" text,
	"left_home_at" date,
	"relationship" text NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"source" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"status_since" date,
	"last_contact_at" date,
	"notes" text,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "member_id" integer;--> statement-breakpoint
ALTER TABLE "member_status_events" ADD CONSTRAINT "member_status_events_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "member_status_events_member_idx" ON "member_status_events" USING btree ("member_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "members_id_hash_idx" ON "members" USING btree ("id_hash");--> statement-breakpoint
CREATE INDEX "members_org_path_idx" ON "members" USING btree ("org_path" text_pattern_ops,"id");--> statement-breakpoint
CREATE INDEX "members_org_idx" ON "members" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "members_name_prefix_idx" ON "members" USING btree ("name" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "members_pinyin_idx" ON "members" USING btree ("name_pinyin" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "members_initials_idx" ON "members" USING btree ("name_initials" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "members_phone_tail_idx" ON "members" USING btree ("phone_tail");--> statement-breakpoint
CREATE INDEX "members_phone_hash_idx" ON "members" USING btree ("phone_hash");--> statement-breakpoint
CREATE INDEX "members_id_tail_idx" ON "members" USING btree ("id_tail");--> statement-breakpoint
CREATE INDEX "members_home_county_idx" ON "members" USING btree ("home_county","id");--> statement-breakpoint
CREATE INDEX "members_host_district_idx" ON "members" USING btree ("host_district","id");--> statement-breakpoint
CREATE INDEX "members_status_idx" ON "members" USING btree ("status");--> statement-breakpoint
CREATE INDEX "members_tags_idx" ON "members" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "members_created_idx" ON "members" USING btree ("created_at","id");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_member_id_unique" UNIQUE("member_id");