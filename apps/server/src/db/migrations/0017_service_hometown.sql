CREATE TABLE "hometown_donation_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"donation_id" integer NOT NULL,
	"name" text NOT NULL,
	"quantity" numeric(12, 2) NOT NULL,
	"unit" text NOT NULL,
	"value_fen" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hometown_donations" (
	"id" serial PRIMARY KEY NOT NULL,
	"donor_kind" text NOT NULL,
	"donor_member_id" integer,
	"donor_org_id" integer,
	"donor_name" text NOT NULL,
	"kind" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"purpose" text NOT NULL,
	"county_code" text NOT NULL,
	"recipient" text,
	"donated_on" date NOT NULL,
	"note" text,
	"org_id" integer NOT NULL,
	"org_path" text NOT NULL,
	"created_by" integer,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hometown_donations_amount_check" CHECK ("hometown_donations"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "hometown_job_postings" (
	"id" serial PRIMARY KEY NOT NULL,
	"employer" text NOT NULL,
	"employer_member_id" integer,
	"title" text NOT NULL,
	"headcount" integer NOT NULL,
	"pay_min_fen" bigint,
	"pay_max_fen" bigint,
	"place" text NOT NULL,
	"county_code" text,
	"posted_on" date NOT NULL,
	"closes_on" date,
	"state" text DEFAULT 'open' NOT NULL,
	"note" text,
	"org_id" integer NOT NULL,
	"org_path" text NOT NULL,
	"created_by" integer,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hometown_job_postings_check" CHECK ("hometown_job_postings"."headcount" > 0)
);
--> statement-breakpoint
CREATE TABLE "hometown_placements" (
	"id" serial PRIMARY KEY NOT NULL,
	"posting_id" integer,
	"employer" text NOT NULL,
	"county_code" text NOT NULL,
	"placed_on" date NOT NULL,
	"person_times" integer NOT NULL,
	"note" text,
	"org_id" integer NOT NULL,
	"org_path" text NOT NULL,
	"created_by" integer,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hometown_placements_check" CHECK ("hometown_placements"."person_times" > 0)
);
--> statement-breakpoint
CREATE TABLE "hometown_project_introducers" (
	"project_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	CONSTRAINT "hometown_project_introducers_project_id_member_id_pk" PRIMARY KEY("project_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "hometown_project_stages" (
	"id" serial PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"stage" text NOT NULL,
	"on_date" date NOT NULL,
	"note" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hometown_project_years" (
	"project_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"output_fen" bigint DEFAULT 0 NOT NULL,
	"tax_fen" bigint DEFAULT 0 NOT NULL,
	"jobs" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "hometown_project_years_project_id_year_pk" PRIMARY KEY("project_id","year"),
	CONSTRAINT "hometown_project_years_check" CHECK ("hometown_project_years"."output_fen" >= 0 and "hometown_project_years"."tax_fen" >= 0 and "hometown_project_years"."jobs" >= 0)
);
--> statement-breakpoint
CREATE TABLE "hometown_projects" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"industry" text NOT NULL,
	"county_code" text NOT NULL,
	"park" text,
	"enterprises" text[] DEFAULT '{}'::text[] NOT NULL,
	"stage" text NOT NULL,
	"signed_on" date,
	"signed_fen" bigint DEFAULT 0 NOT NULL,
	"actual_fen" bigint DEFAULT 0 NOT NULL,
	"note" text,
	"org_id" integer NOT NULL,
	"org_path" text NOT NULL,
	"created_by" integer,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hometown_projects_money_check" CHECK ("hometown_projects"."signed_fen" >= 0 and "hometown_projects"."actual_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "volunteer_assignments" (
	"id" serial PRIMARY KEY NOT NULL,
	"campaign_id" integer NOT NULL,
	"shift_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"state" text DEFAULT 'scheduled' NOT NULL,
	"source" text NOT NULL,
	"checked_in_at" timestamp with time zone,
	"check_in_channel" text,
	"checked_out_at" timestamp with time zone,
	"check_out_channel" text,
	"auto_closed" boolean DEFAULT false NOT NULL,
	"hours" numeric(5, 2),
	"note" text,
	"created_by" integer,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "volunteer_campaigns" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"org_id" integer NOT NULL,
	"org_path" text NOT NULL,
	"co_org_ids" integer[] DEFAULT '{}'::int[] NOT NULL,
	"partner_name" text,
	"host_district" text,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"self_signup" boolean DEFAULT true NOT NULL,
	"audience_org_ids" integer[] DEFAULT '{}'::int[] NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"created_by" integer,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "volunteer_campaigns_dates_check" CHECK ("volunteer_campaigns"."ends_on" >= "volunteer_campaigns"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "volunteer_hours" (
	"id" serial PRIMARY KEY NOT NULL,
	"member_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"org_path" text NOT NULL,
	"served_on" date NOT NULL,
	"hours" numeric(5, 1) NOT NULL,
	"description" text NOT NULL,
	"place" text,
	"state" text DEFAULT 'submitted' NOT NULL,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "volunteer_hours_hours_check" CHECK ("volunteer_hours"."hours" > 0 and "volunteer_hours"."hours" <= 24)
);
--> statement-breakpoint
CREATE TABLE "volunteer_incidents" (
	"id" serial PRIMARY KEY NOT NULL,
	"campaign_id" integer NOT NULL,
	"post_id" integer,
	"shift_id" integer,
	"member_id" integer,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "volunteer_posts" (
	"id" serial PRIMARY KEY NOT NULL,
	"campaign_id" integer NOT NULL,
	"name" text NOT NULL,
	"address" text,
	"task" text NOT NULL,
	"custom_task" text,
	"headcount" integer NOT NULL,
	"leader_member_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "volunteer_posts_headcount_check" CHECK ("volunteer_posts"."headcount" > 0)
);
--> statement-breakpoint
CREATE TABLE "volunteer_rounds" (
	"id" serial PRIMARY KEY NOT NULL,
	"campaign_id" integer NOT NULL,
	"post_id" integer,
	"inspector" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"findings" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "volunteer_scans" (
	"id" serial PRIMARY KEY NOT NULL,
	"assignment_id" integer NOT NULL,
	"kind" text NOT NULL,
	"nonce" text NOT NULL,
	"scanned_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "volunteer_shifts" (
	"id" serial PRIMARY KEY NOT NULL,
	"campaign_id" integer NOT NULL,
	"post_id" integer NOT NULL,
	"on_date" date NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"served_count" integer DEFAULT 0 NOT NULL,
	"closed_at" timestamp with time zone,
	"auto_closed" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "volunteer_shifts_window_check" CHECK ("volunteer_shifts"."ends_at" > "volunteer_shifts"."starts_at"),
	CONSTRAINT "volunteer_shifts_served_check" CHECK ("volunteer_shifts"."served_count" >= 0)
);
--> statement-breakpoint
ALTER TABLE "hometown_donation_items" ADD CONSTRAINT "hometown_donation_items_donation_id_hometown_donations_id_fk" FOREIGN KEY ("donation_id") REFERENCES "public"."hometown_donations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hometown_donations" ADD CONSTRAINT "hometown_donations_donor_member_id_members_id_fk" FOREIGN KEY ("donor_member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hometown_donations" ADD CONSTRAINT "hometown_donations_donor_org_id_orgs_id_fk" FOREIGN KEY ("donor_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hometown_donations" ADD CONSTRAINT "hometown_donations_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hometown_donations" ADD CONSTRAINT "hometown_donations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hometown_job_postings" ADD CONSTRAINT "hometown_job_postings_employer_member_id_members_id_fk" FOREIGN KEY ("employer_member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hometown_job_postings" ADD CONSTRAINT "hometown_job_postings_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hometown_job_postings" ADD CONSTRAINT "hometown_job_postings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hometown_placements" ADD CONSTRAINT "hometown_placements_posting_id_hometown_job_postings_id_fk" FOREIGN KEY ("posting_id") REFERENCES "public"."hometown_job_postings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hometown_placements" ADD CONSTRAINT "hometown_placements_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hometown_placements" ADD CONSTRAINT "hometown_placements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hometown_project_introducers" ADD CONSTRAINT "hometown_project_introducers_project_id_hometown_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."hometown_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hometown_project_introducers" ADD CONSTRAINT "hometown_project_introducers_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hometown_project_stages" ADD CONSTRAINT "hometown_project_stages_project_id_hometown_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."hometown_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hometown_project_stages" ADD CONSTRAINT "hometown_project_stages_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hometown_project_years" ADD CONSTRAINT "hometown_project_years_project_id_hometown_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."hometown_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hometown_projects" ADD CONSTRAINT "hometown_projects_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hometown_projects" ADD CONSTRAINT "hometown_projects_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_assignments" ADD CONSTRAINT "volunteer_assignments_campaign_id_volunteer_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."volunteer_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_assignments" ADD CONSTRAINT "volunteer_assignments_shift_id_volunteer_shifts_id_fk" FOREIGN KEY ("shift_id") REFERENCES "public"."volunteer_shifts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_assignments" ADD CONSTRAINT "volunteer_assignments_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_assignments" ADD CONSTRAINT "volunteer_assignments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_campaigns" ADD CONSTRAINT "volunteer_campaigns_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_campaigns" ADD CONSTRAINT "volunteer_campaigns_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_hours" ADD CONSTRAINT "volunteer_hours_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_hours" ADD CONSTRAINT "volunteer_hours_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_hours" ADD CONSTRAINT "volunteer_hours_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_incidents" ADD CONSTRAINT "volunteer_incidents_campaign_id_volunteer_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."volunteer_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_incidents" ADD CONSTRAINT "volunteer_incidents_post_id_volunteer_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."volunteer_posts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_incidents" ADD CONSTRAINT "volunteer_incidents_shift_id_volunteer_shifts_id_fk" FOREIGN KEY ("shift_id") REFERENCES "public"."volunteer_shifts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_incidents" ADD CONSTRAINT "volunteer_incidents_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_incidents" ADD CONSTRAINT "volunteer_incidents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_posts" ADD CONSTRAINT "volunteer_posts_campaign_id_volunteer_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."volunteer_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_posts" ADD CONSTRAINT "volunteer_posts_leader_member_id_members_id_fk" FOREIGN KEY ("leader_member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_rounds" ADD CONSTRAINT "volunteer_rounds_campaign_id_volunteer_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."volunteer_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_rounds" ADD CONSTRAINT "volunteer_rounds_post_id_volunteer_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."volunteer_posts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_rounds" ADD CONSTRAINT "volunteer_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_scans" ADD CONSTRAINT "volunteer_scans_assignment_id_volunteer_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."volunteer_assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_shifts" ADD CONSTRAINT "volunteer_shifts_campaign_id_volunteer_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."volunteer_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_shifts" ADD CONSTRAINT "volunteer_shifts_post_id_volunteer_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."volunteer_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hometown_donation_items_donation_idx" ON "hometown_donation_items" USING btree ("donation_id");--> statement-breakpoint
CREATE INDEX "hometown_donations_org_path_idx" ON "hometown_donations" USING btree ("org_path" text_pattern_ops,"donated_on");--> statement-breakpoint
CREATE INDEX "hometown_donations_county_idx" ON "hometown_donations" USING btree ("county_code","donated_on");--> statement-breakpoint
CREATE INDEX "hometown_donations_member_idx" ON "hometown_donations" USING btree ("donor_member_id");--> statement-breakpoint
CREATE INDEX "hometown_job_postings_org_path_idx" ON "hometown_job_postings" USING btree ("org_path" text_pattern_ops,"posted_on");--> statement-breakpoint
CREATE INDEX "hometown_placements_org_path_idx" ON "hometown_placements" USING btree ("org_path" text_pattern_ops,"placed_on");--> statement-breakpoint
CREATE INDEX "hometown_placements_county_idx" ON "hometown_placements" USING btree ("county_code","placed_on");--> statement-breakpoint
CREATE INDEX "hometown_introducers_member_idx" ON "hometown_project_introducers" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "hometown_project_stages_project_idx" ON "hometown_project_stages" USING btree ("project_id","on_date");--> statement-breakpoint
CREATE INDEX "hometown_projects_org_path_idx" ON "hometown_projects" USING btree ("org_path" text_pattern_ops,"id");--> statement-breakpoint
CREATE INDEX "hometown_projects_county_idx" ON "hometown_projects" USING btree ("county_code","signed_on");--> statement-breakpoint
CREATE UNIQUE INDEX "volunteer_assignments_shift_member_idx" ON "volunteer_assignments" USING btree ("shift_id","member_id");--> statement-breakpoint
CREATE INDEX "volunteer_assignments_member_idx" ON "volunteer_assignments" USING btree ("member_id","starts_at");--> statement-breakpoint
CREATE INDEX "volunteer_assignments_campaign_idx" ON "volunteer_assignments" USING btree ("campaign_id","state");--> statement-breakpoint
CREATE INDEX "volunteer_campaigns_org_path_idx" ON "volunteer_campaigns" USING btree ("org_path" text_pattern_ops,"starts_on");--> statement-breakpoint
CREATE INDEX "volunteer_campaigns_host_idx" ON "volunteer_campaigns" USING btree ("host_district","starts_on");--> statement-breakpoint
CREATE INDEX "volunteer_hours_org_path_idx" ON "volunteer_hours" USING btree ("org_path" text_pattern_ops,"state");--> statement-breakpoint
CREATE INDEX "volunteer_hours_member_idx" ON "volunteer_hours" USING btree ("member_id","served_on");--> statement-breakpoint
CREATE INDEX "volunteer_incidents_campaign_idx" ON "volunteer_incidents" USING btree ("campaign_id","occurred_at");--> statement-breakpoint
CREATE INDEX "volunteer_posts_campaign_idx" ON "volunteer_posts" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "volunteer_posts_leader_idx" ON "volunteer_posts" USING btree ("leader_member_id");--> statement-breakpoint
CREATE INDEX "volunteer_rounds_campaign_idx" ON "volunteer_rounds" USING btree ("campaign_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "volunteer_scans_nonce_idx" ON "volunteer_scans" USING btree ("assignment_id","nonce");--> statement-breakpoint
CREATE INDEX "volunteer_shifts_post_idx" ON "volunteer_shifts" USING btree ("post_id","starts_at");--> statement-breakpoint
CREATE INDEX "volunteer_shifts_campaign_idx" ON "volunteer_shifts" USING btree ("campaign_id","on_date");--> statement-breakpoint
CREATE INDEX "volunteer_shifts_open_idx" ON "volunteer_shifts" USING btree ("ends_at") WHERE "volunteer_shifts"."closed_at" is null;