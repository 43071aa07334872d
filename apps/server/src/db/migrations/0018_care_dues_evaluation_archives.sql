CREATE TABLE "archive_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"category" text NOT NULL,
	"org_id" integer NOT NULL,
	"org_path" text NOT NULL,
	"member_id" integer,
	"year" smallint NOT NULL,
	"retention" text NOT NULL,
	"room" text NOT NULL,
	"cabinet" text NOT NULL,
	"shelf" text NOT NULL,
	"box" text NOT NULL,
	"pages" integer,
	"note" text,
	"created_by" integer,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "archive_loans" (
	"id" serial PRIMARY KEY NOT NULL,
	"item_id" integer NOT NULL,
	"borrower_name" text NOT NULL,
	"borrower_unit" text,
	"borrower_user_id" integer,
	"purpose" text NOT NULL,
	"lent_on" date NOT NULL,
	"due_on" date NOT NULL,
	"returned_on" date,
	"lent_by" integer,
	"returned_by" integer,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "archive_loans_dates_check" CHECK ("archive_loans"."due_on" >= "archive_loans"."lent_on" and ("archive_loans"."returned_on" is null or "archive_loans"."returned_on" >= "archive_loans"."lent_on"))
);
--> statement-breakpoint
CREATE TABLE "care_help" (
	"id" serial PRIMARY KEY NOT NULL,
	"member_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"org_path" text NOT NULL,
	"kind" text NOT NULL,
	"amount_fen" bigint DEFAULT 0 NOT NULL,
	"given_on" date NOT NULL,
	"reason" text NOT NULL,
	"note" text,
	"created_by" integer,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "care_help_amount_check" CHECK ("care_help"."amount_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "care_visits" (
	"id" serial PRIMARY KEY NOT NULL,
	"member_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"org_path" text NOT NULL,
	"reason" text NOT NULL,
	"holiday" text,
	"visited_on" date NOT NULL,
	"visitors" text NOT NULL,
	"gift_fen" bigint DEFAULT 0 NOT NULL,
	"note" text,
	"created_by" integer,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "care_visits_gift_check" CHECK ("care_visits"."gift_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "honours" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"level" text NOT NULL,
	"title" text NOT NULL,
	"issuer" text NOT NULL,
	"awarded_on" date NOT NULL,
	"member_id" integer,
	"recipient_org_id" integer,
	"recipient_name" text,
	"org_id" integer NOT NULL,
	"org_path" text NOT NULL,
	"note" text,
	"created_by" integer,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "honours_recipient_check" CHECK (("honours"."kind" = 'individual' and "honours"."member_id" is not null) or ("honours"."kind" = 'collective' and "honours"."member_id" is null))
);
--> statement-breakpoint
CREATE TABLE "points_rule_versions" (
	"version" integer PRIMARY KEY NOT NULL,
	"rules" jsonb NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "points_runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" smallint NOT NULL,
	"rule_version" integer NOT NULL,
	"member_count" integer DEFAULT 0 NOT NULL,
	"computed_by" integer,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "points_totals" (
	"run_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"org_path" text NOT NULL,
	"base" numeric(8, 2) NOT NULL,
	"tasks" numeric(8, 2) NOT NULL,
	"bonus" numeric(8, 2) NOT NULL,
	"total" numeric(8, 2) NOT NULL,
	CONSTRAINT "points_totals_run_id_member_id_pk" PRIMARY KEY("run_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "dues_bases" (
	"id" serial PRIMARY KEY NOT NULL,
	"member_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"category" text NOT NULL,
	"income_fen" bigint,
	"rate_bp" integer,
	"monthly_fen" integer NOT NULL,
	"rules_version" integer NOT NULL,
	"from_month" date NOT NULL,
	"declared_on" date NOT NULL,
	"org_id" integer NOT NULL,
	"org_path" text NOT NULL,
	"note" text,
	"created_by" integer,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dues_bases_amount_check" CHECK ("dues_bases"."monthly_fen" >= 0 and ("dues_bases"."income_fen" is null or "dues_bases"."income_fen" >= 0))
);
--> statement-breakpoint
CREATE TABLE "dues_months" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"org_path" text NOT NULL,
	"month" date NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"expected_fen" bigint,
	"collected_fen" bigint,
	"opened_by" integer,
	"closed_by" integer,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dues_payment_months" (
	"member_id" integer NOT NULL,
	"month" date NOT NULL,
	"payment_id" integer NOT NULL,
	"amount_fen" integer NOT NULL,
	CONSTRAINT "dues_payment_months_member_id_month_pk" PRIMARY KEY("member_id","month")
);
--> statement-breakpoint
CREATE TABLE "dues_payments" (
	"id" serial PRIMARY KEY NOT NULL,
	"member_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"org_path" text NOT NULL,
	"from_month" date NOT NULL,
	"to_month" date NOT NULL,
	"amount_fen" bigint NOT NULL,
	"method" text NOT NULL,
	"paid_on" date NOT NULL,
	"collected_by" integer,
	"payer_name" text,
	"note" text,
	"reversed_at" timestamp with time zone,
	"reversed_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dues_payments_range_check" CHECK ("dues_payments"."to_month" >= "dues_payments"."from_month" and "dues_payments"."amount_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "dues_reliefs" (
	"id" serial PRIMARY KEY NOT NULL,
	"member_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"org_path" text NOT NULL,
	"kind" text NOT NULL,
	"from_month" date NOT NULL,
	"to_month" date NOT NULL,
	"monthly_fen" integer DEFAULT 0 NOT NULL,
	"reason" text NOT NULL,
	"state" text DEFAULT 'submitted' NOT NULL,
	"reviewed_by" integer,
	"reviewed_at" timestamp with time zone,
	"review_note" text,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"created_by" integer,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dues_reliefs_range_check" CHECK ("dues_reliefs"."to_month" >= "dues_reliefs"."from_month" and "dues_reliefs"."monthly_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "evaluation_appeals" (
	"id" serial PRIMARY KEY NOT NULL,
	"round_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"reason" text NOT NULL,
	"state" text DEFAULT 'submitted' NOT NULL,
	"new_grade" text,
	"answer" text,
	"answered_by" integer,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_ballot_codes" (
	"round_id" integer NOT NULL,
	"code_hash" text NOT NULL,
	"used" boolean DEFAULT false NOT NULL,
	CONSTRAINT "evaluation_ballot_codes_round_id_code_hash_pk" PRIMARY KEY("round_id","code_hash")
);
--> statement-breakpoint
CREATE TABLE "evaluation_ballot_marks" (
	"ballot_id" uuid NOT NULL,
	"member_id" integer NOT NULL,
	"grade" text NOT NULL,
	CONSTRAINT "evaluation_ballot_marks_ballot_id_member_id_pk" PRIMARY KEY("ballot_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "evaluation_ballots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_participants" (
	"round_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"self_grade" text,
	"self_text" text,
	"self_at" timestamp with time zone,
	"ballot_mode" text DEFAULT 'online' NOT NULL,
	"voted" boolean DEFAULT false NOT NULL,
	"votes_excellent" integer DEFAULT 0 NOT NULL,
	"votes_qualified" integer DEFAULT 0 NOT NULL,
	"votes_basic" integer DEFAULT 0 NOT NULL,
	"votes_unqualified" integer DEFAULT 0 NOT NULL,
	"final_grade" text,
	"final_note" text,
	CONSTRAINT "evaluation_participants_round_id_member_id_pk" PRIMARY KEY("round_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "evaluation_peer_reviews" (
	"round_id" integer NOT NULL,
	"reviewer_member_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"grade" text,
	"comment" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_peer_reviews_round_id_reviewer_member_id_member_id_pk" PRIMARY KEY("round_id","reviewer_member_id","member_id"),
	CONSTRAINT "evaluation_peer_reviews_self_check" CHECK ("evaluation_peer_reviews"."reviewer_member_id" <> "evaluation_peer_reviews"."member_id")
);
--> statement-breakpoint
CREATE TABLE "evaluation_rounds" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"org_path" text NOT NULL,
	"year" smallint NOT NULL,
	"title" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"decision_note" text,
	"decided_on" date,
	"decided_by" integer,
	"created_by" integer,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_rounds_dates_check" CHECK ("evaluation_rounds"."closes_on" >= "evaluation_rounds"."opens_on")
);
--> statement-breakpoint
ALTER TABLE "archive_items" ADD CONSTRAINT "archive_items_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "archive_items" ADD CONSTRAINT "archive_items_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "archive_items" ADD CONSTRAINT "archive_items_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "archive_loans" ADD CONSTRAINT "archive_loans_item_id_archive_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."archive_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "archive_loans" ADD CONSTRAINT "archive_loans_borrower_user_id_users_id_fk" FOREIGN KEY ("borrower_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "archive_loans" ADD CONSTRAINT "archive_loans_lent_by_users_id_fk" FOREIGN KEY ("lent_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "archive_loans" ADD CONSTRAINT "archive_loans_returned_by_users_id_fk" FOREIGN KEY ("returned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_help" ADD CONSTRAINT "care_help_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_help" ADD CONSTRAINT "care_help_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_help" ADD CONSTRAINT "care_help_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_visits" ADD CONSTRAINT "care_visits_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_visits" ADD CONSTRAINT "care_visits_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_visits" ADD CONSTRAINT "care_visits_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "honours" ADD CONSTRAINT "honours_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "honours" ADD CONSTRAINT "honours_recipient_org_id_orgs_id_fk" FOREIGN KEY ("recipient_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "honours" ADD CONSTRAINT "honours_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "honours" ADD CONSTRAINT "honours_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_runs" ADD CONSTRAINT "points_runs_rule_version_points_rule_versions_version_fk" FOREIGN KEY ("rule_version") REFERENCES "public"."points_rule_versions"("version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_runs" ADD CONSTRAINT "points_runs_computed_by_users_id_fk" FOREIGN KEY ("computed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_totals" ADD CONSTRAINT "points_totals_run_id_points_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."points_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_totals" ADD CONSTRAINT "points_totals_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_totals" ADD CONSTRAINT "points_totals_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_bases" ADD CONSTRAINT "dues_bases_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_bases" ADD CONSTRAINT "dues_bases_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_bases" ADD CONSTRAINT "dues_bases_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_months" ADD CONSTRAINT "dues_months_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_months" ADD CONSTRAINT "dues_months_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_months" ADD CONSTRAINT "dues_months_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_payment_months" ADD CONSTRAINT "dues_payment_months_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_payment_months" ADD CONSTRAINT "dues_payment_months_payment_id_dues_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."dues_payments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_payments" ADD CONSTRAINT "dues_payments_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_payments" ADD CONSTRAINT "dues_payments_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_payments" ADD CONSTRAINT "dues_payments_collected_by_users_id_fk" FOREIGN KEY ("collected_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_payments" ADD CONSTRAINT "dues_payments_reversed_by_users_id_fk" FOREIGN KEY ("reversed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_reliefs" ADD CONSTRAINT "dues_reliefs_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_reliefs" ADD CONSTRAINT "dues_reliefs_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_reliefs" ADD CONSTRAINT "dues_reliefs_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_reliefs" ADD CONSTRAINT "dues_reliefs_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_reliefs" ADD CONSTRAINT "dues_reliefs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_appeals" ADD CONSTRAINT "evaluation_appeals_round_id_evaluation_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."evaluation_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_appeals" ADD CONSTRAINT "evaluation_appeals_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_appeals" ADD CONSTRAINT "evaluation_appeals_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_ballot_codes" ADD CONSTRAINT "evaluation_ballot_codes_round_id_evaluation_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."evaluation_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_ballot_marks" ADD CONSTRAINT "evaluation_ballot_marks_ballot_id_evaluation_ballots_id_fk" FOREIGN KEY ("ballot_id") REFERENCES "public"."evaluation_ballots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_ballot_marks" ADD CONSTRAINT "evaluation_ballot_marks_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_ballots" ADD CONSTRAINT "evaluation_ballots_round_id_evaluation_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."evaluation_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_participants" ADD CONSTRAINT "evaluation_participants_round_id_evaluation_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."evaluation_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_participants" ADD CONSTRAINT "evaluation_participants_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_peer_reviews" ADD CONSTRAINT "evaluation_peer_reviews_round_id_evaluation_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."evaluation_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_peer_reviews" ADD CONSTRAINT "evaluation_peer_reviews_reviewer_member_id_members_id_fk" FOREIGN KEY ("reviewer_member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_peer_reviews" ADD CONSTRAINT "evaluation_peer_reviews_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_rounds" ADD CONSTRAINT "evaluation_rounds_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_rounds" ADD CONSTRAINT "evaluation_rounds_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_rounds" ADD CONSTRAINT "evaluation_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "archive_items_code_idx" ON "archive_items" USING btree ("code");--> statement-breakpoint
CREATE INDEX "archive_items_org_path_idx" ON "archive_items" USING btree ("org_path" text_pattern_ops,"year");--> statement-breakpoint
CREATE INDEX "archive_items_place_idx" ON "archive_items" USING btree ("room","cabinet","shelf","box");--> statement-breakpoint
CREATE INDEX "archive_items_member_idx" ON "archive_items" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "archive_loans_open_idx" ON "archive_loans" USING btree ("item_id") WHERE "archive_loans"."returned_on" is null;--> statement-breakpoint
CREATE INDEX "archive_loans_item_idx" ON "archive_loans" USING btree ("item_id","lent_on");--> statement-breakpoint
CREATE INDEX "archive_loans_due_idx" ON "archive_loans" USING btree ("due_on") WHERE "archive_loans"."returned_on" is null;--> statement-breakpoint
CREATE INDEX "care_help_org_path_idx" ON "care_help" USING btree ("org_path" text_pattern_ops,"given_on");--> statement-breakpoint
CREATE INDEX "care_help_member_idx" ON "care_help" USING btree ("member_id","given_on");--> statement-breakpoint
CREATE INDEX "care_visits_org_path_idx" ON "care_visits" USING btree ("org_path" text_pattern_ops,"visited_on");--> statement-breakpoint
CREATE INDEX "care_visits_member_idx" ON "care_visits" USING btree ("member_id","visited_on");--> statement-breakpoint
CREATE INDEX "honours_org_path_idx" ON "honours" USING btree ("org_path" text_pattern_ops,"awarded_on");--> statement-breakpoint
CREATE INDEX "honours_member_idx" ON "honours" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "points_runs_year_idx" ON "points_runs" USING btree ("year","id");--> statement-breakpoint
CREATE INDEX "points_totals_rank_idx" ON "points_totals" USING btree ("run_id","org_path" text_pattern_ops,"total");--> statement-breakpoint
CREATE INDEX "points_totals_member_idx" ON "points_totals" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dues_bases_member_year_idx" ON "dues_bases" USING btree ("member_id","year");--> statement-breakpoint
CREATE INDEX "dues_bases_org_path_idx" ON "dues_bases" USING btree ("org_path" text_pattern_ops,"year");--> statement-breakpoint
CREATE UNIQUE INDEX "dues_months_org_month_idx" ON "dues_months" USING btree ("org_id","month");--> statement-breakpoint
CREATE INDEX "dues_months_org_path_idx" ON "dues_months" USING btree ("org_path" text_pattern_ops,"month");--> statement-breakpoint
CREATE INDEX "dues_payment_months_payment_idx" ON "dues_payment_months" USING btree ("payment_id");--> statement-breakpoint
CREATE INDEX "dues_payments_member_idx" ON "dues_payments" USING btree ("member_id","from_month");--> statement-breakpoint
CREATE INDEX "dues_payments_org_path_idx" ON "dues_payments" USING btree ("org_path" text_pattern_ops,"paid_on");--> statement-breakpoint
CREATE INDEX "dues_reliefs_member_idx" ON "dues_reliefs" USING btree ("member_id","from_month");--> statement-breakpoint
CREATE INDEX "dues_reliefs_org_path_idx" ON "dues_reliefs" USING btree ("org_path" text_pattern_ops,"state");--> statement-breakpoint
CREATE INDEX "evaluation_appeals_round_idx" ON "evaluation_appeals" USING btree ("round_id","state");--> statement-breakpoint
CREATE INDEX "evaluation_ballots_round_idx" ON "evaluation_ballots" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "evaluation_participants_member_idx" ON "evaluation_participants" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_rounds_org_year_idx" ON "evaluation_rounds" USING btree ("org_id","year");--> statement-breakpoint
CREATE INDEX "evaluation_rounds_org_path_idx" ON "evaluation_rounds" USING btree ("org_path" text_pattern_ops,"year");