CREATE TABLE "member_import_stage_rows" (
	"stage_id" uuid NOT NULL,
	"n" integer NOT NULL,
	"row" integer NOT NULL,
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
	CONSTRAINT "member_import_stage_rows_stage_id_n_pk" PRIMARY KEY("stage_id","n")
);
--> statement-breakpoint
CREATE TABLE "member_import_stages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" integer NOT NULL,
	"file_sha256" text NOT NULL,
	"file_name" text NOT NULL,
	"org_id" integer,
	"total" integer DEFAULT 0 NOT NULL,
	"rows" integer DEFAULT 0 NOT NULL,
	"ready" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "member_import_stages" ADD CONSTRAINT "member_import_stages_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_import_stages" ADD CONSTRAINT "member_import_stages_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "member_import_stages_expires_idx" ON "member_import_stages" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "member_import_stages_user_idx" ON "member_import_stages" USING btree ("user_id","file_sha256");