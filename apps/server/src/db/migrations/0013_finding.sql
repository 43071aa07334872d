CREATE TABLE "certificates" (
	"id" serial PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"member_id" integer NOT NULL,
	"issuing_org_id" integer NOT NULL,
	"issuing_org_path" text NOT NULL,
	"destination" text NOT NULL,
	"reason" text NOT NULL,
	"issued_on" date NOT NULL,
	"valid_until" date NOT NULL,
	"state" text DEFAULT 'valid' NOT NULL,
	"revoked_on" date,
	"revoke_reason" text,
	"renews_id" integer,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "finding_campaign_finders" (
	"campaign_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	CONSTRAINT "finding_campaign_finders_campaign_id_user_id_pk" PRIMARY KEY("campaign_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "finding_campaigns" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"org_id" integer NOT NULL,
	"org_path" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"target_count" integer NOT NULL,
	"districts" text[] DEFAULT '{}'::text[] NOT NULL,
	"area_note" text,
	"notes" text,
	"created_by" integer,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "finding_leads" (
	"id" serial PRIMARY KEY NOT NULL,
	"campaign_id" integer NOT NULL,
	"name" text NOT NULL,
	"phone_cipher" text,
	"phone_hash" text,
	"phone_masked" text,
	"id_cipher" text,
	"id_hash" text,
	"id_masked" text,
	"home_county" text,
	"host_district" text,
	"workplace" text,
	"address" text,
	"clue" text,
	"source" text NOT NULL,
	"finder_id" integer,
	"state" text DEFAULT 'new' NOT NULL,
	"member_id" integer,
	"found_on" date,
	"last_visit_on" date,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "finding_visits" (
	"id" serial PRIMARY KEY NOT NULL,
	"lead_id" integer NOT NULL,
	"visited_on" date NOT NULL,
	"method" text NOT NULL,
	"note" text,
	"state_after" text NOT NULL,
	"finder_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "member_contacts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"member_id" integer NOT NULL,
	"contacted_on" date NOT NULL,
	"method" text NOT NULL,
	"result" text NOT NULL,
	"note" text,
	"side" text DEFAULT 'committee' NOT NULL,
	"by_user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "member_feedback" (
	"id" serial PRIMARY KEY NOT NULL,
	"member_id" integer NOT NULL,
	"year" integer NOT NULL,
	"comment" text,
	"sent_at" timestamp with time zone,
	"sent_by" integer,
	"version" integer DEFAULT 0 NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "member_flags" (
	"id" serial PRIMARY KEY NOT NULL,
	"member_id" integer NOT NULL,
	"kind" text NOT NULL,
	"raised_on" date NOT NULL,
	"last_contact_on" date,
	"resolved_at" timestamp with time zone,
	"resolved_by" integer,
	"resolution" text
);
--> statement-breakpoint
CREATE TABLE "registrations" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"gender" text,
	"birth_date" date,
	"id_cipher" text NOT NULL,
	"id_hash" text NOT NULL,
	"id_masked" text NOT NULL,
	"phone_cipher" text NOT NULL,
	"phone_hash" text NOT NULL,
	"phone_masked" text NOT NULL,
	"home_county" text NOT NULL,
	"home_org" text NOT NULL,
	"joined_at" date,
	"host_district" text NOT NULL,
	"host_address" text,
	"employer" text,
	"review_org_id" integer NOT NULL,
	"review_org_path" text NOT NULL,
	"state" text DEFAULT 'submitted' NOT NULL,
	"reason" text,
	"member_id" integer,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"consent_at" timestamp with time zone NOT NULL,
	"consent_version" text NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "transfers" (
	"id" serial PRIMARY KEY NOT NULL,
	"letter_number" text NOT NULL,
	"direction" text NOT NULL,
	"member_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"org_path" text NOT NULL,
	"from_org_name" text NOT NULL,
	"to_org_name" text NOT NULL,
	"to_org_id" integer,
	"reason" text,
	"dues_paid_until" text NOT NULL,
	"issued_on" date NOT NULL,
	"valid_until" date NOT NULL,
	"receipt_due_on" date NOT NULL,
	"receipt_returned_on" date,
	"stub_keep_until" date NOT NULL,
	"state" text DEFAULT 'issued' NOT NULL,
	"cancel_reason" text,
	"version" integer DEFAULT 0 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_issuing_org_id_orgs_id_fk" FOREIGN KEY ("issuing_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_campaign_finders" ADD CONSTRAINT "finding_campaign_finders_campaign_id_finding_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."finding_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_campaign_finders" ADD CONSTRAINT "finding_campaign_finders_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_campaigns" ADD CONSTRAINT "finding_campaigns_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_campaigns" ADD CONSTRAINT "finding_campaigns_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_leads" ADD CONSTRAINT "finding_leads_campaign_id_finding_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."finding_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_leads" ADD CONSTRAINT "finding_leads_finder_id_users_id_fk" FOREIGN KEY ("finder_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_leads" ADD CONSTRAINT "finding_leads_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_visits" ADD CONSTRAINT "finding_visits_lead_id_finding_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."finding_leads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_visits" ADD CONSTRAINT "finding_visits_finder_id_users_id_fk" FOREIGN KEY ("finder_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_contacts" ADD CONSTRAINT "member_contacts_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_contacts" ADD CONSTRAINT "member_contacts_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_feedback" ADD CONSTRAINT "member_feedback_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_feedback" ADD CONSTRAINT "member_feedback_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_feedback" ADD CONSTRAINT "member_feedback_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_flags" ADD CONSTRAINT "member_flags_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_flags" ADD CONSTRAINT "member_flags_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_review_org_id_orgs_id_fk" FOREIGN KEY ("review_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_to_org_id_orgs_id_fk" FOREIGN KEY ("to_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_number_idx" ON "certificates" USING btree ("number");--> statement-breakpoint
CREATE INDEX "certificates_member_idx" ON "certificates" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "certificates_valid_until_idx" ON "certificates" USING btree ("state","valid_until");--> statement-breakpoint
CREATE INDEX "certificates_org_path_idx" ON "certificates" USING btree ("issuing_org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "finding_finders_user_idx" ON "finding_campaign_finders" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "finding_campaigns_org_path_idx" ON "finding_campaigns" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "finding_leads_campaign_idx" ON "finding_leads" USING btree ("campaign_id","state","id");--> statement-breakpoint
CREATE INDEX "finding_leads_finder_idx" ON "finding_leads" USING btree ("finder_id","state","id");--> statement-breakpoint
CREATE INDEX "finding_leads_found_idx" ON "finding_leads" USING btree ("campaign_id","found_on");--> statement-breakpoint
CREATE INDEX "finding_leads_member_idx" ON "finding_leads" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "finding_leads_phone_idx" ON "finding_leads" USING btree ("phone_hash");--> statement-breakpoint
CREATE INDEX "finding_visits_lead_idx" ON "finding_visits" USING btree ("lead_id","visited_on");--> statement-breakpoint
CREATE INDEX "member_contacts_member_idx" ON "member_contacts" USING btree ("member_id","contacted_on","id");--> statement-breakpoint
CREATE UNIQUE INDEX "member_feedback_member_year_idx" ON "member_feedback" USING btree ("member_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "member_flags_open_idx" ON "member_flags" USING btree ("member_id","kind") WHERE resolved_at is null;--> statement-breakpoint
CREATE INDEX "member_flags_kind_idx" ON "member_flags" USING btree ("kind","raised_on");--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_queued_id_idx" ON "registrations" USING btree ("id_hash") WHERE state = 'submitted';--> statement-breakpoint
CREATE INDEX "registrations_id_hash_idx" ON "registrations" USING btree ("id_hash","submitted_at");--> statement-breakpoint
CREATE INDEX "registrations_review_idx" ON "registrations" USING btree ("review_org_path" text_pattern_ops,"state");--> statement-breakpoint
CREATE INDEX "registrations_state_idx" ON "registrations" USING btree ("state","submitted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "transfers_letter_number_idx" ON "transfers" USING btree ("letter_number");--> statement-breakpoint
CREATE INDEX "transfers_member_idx" ON "transfers" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "transfers_receipt_due_idx" ON "transfers" USING btree ("state","receipt_due_on");--> statement-breakpoint
CREATE INDEX "transfers_org_path_idx" ON "transfers" USING btree ("org_path" text_pattern_ops);