CREATE TABLE "course_progress" (
	"course_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"counted_seconds" integer DEFAULT 0 NOT NULL,
	"pages_viewed" integer[] DEFAULT '{}'::int[] NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"device_id" text,
	"last_seq" integer DEFAULT 0 NOT NULL,
	"last_beat_at" timestamp with time zone,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	"quiz_score" smallint,
	"quiz_passed_at" timestamp with time zone,
	"quiz_attempts" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "course_progress_course_id_member_id_pk" PRIMARY KEY("course_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "course_series" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "courses" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"series_id" integer,
	"org_id" integer NOT NULL,
	"org_path" text NOT NULL,
	"summary" text,
	"body" text,
	"file_id" integer,
	"external_url" text,
	"page_count" integer,
	"cover_file_id" integer,
	"required" boolean DEFAULT false NOT NULL,
	"audience_org_ids" integer[] DEFAULT '{}'::int[] NOT NULL,
	"audience_positions" text[] DEFAULT '{}'::text[] NOT NULL,
	"publish_from" timestamp with time zone,
	"publish_until" timestamp with time zone,
	"planned_minutes" integer NOT NULL,
	"credit_hours" numeric(5, 1) NOT NULL,
	"quiz" jsonb,
	"state" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"created_by" integer,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "courses_credit_check" CHECK ("courses"."credit_hours" >= 0 and "courses"."planned_minutes" > 0)
);
--> statement-breakpoint
CREATE TABLE "member_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"member_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"org_path" text NOT NULL,
	"year" smallint NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text,
	"state" text DEFAULT 'submitted' NOT NULL,
	"ack_comment" text,
	"ack_by" integer,
	"ack_at" timestamp with time zone,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reflection_comments" (
	"id" serial PRIMARY KEY NOT NULL,
	"reflection_id" integer NOT NULL,
	"author_id" integer NOT NULL,
	"body" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"moderated_by" integer,
	"moderated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reflections" (
	"id" serial PRIMARY KEY NOT NULL,
	"member_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"org_path" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"state" text DEFAULT 'submitted' NOT NULL,
	"review_comment" text,
	"reviewed_by" integer,
	"reviewed_at" timestamp with time zone,
	"featured_at" timestamp with time zone,
	"featured_by" integer,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "study_records" (
	"id" serial PRIMARY KEY NOT NULL,
	"member_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"org_path" text NOT NULL,
	"studied_on" date NOT NULL,
	"hours" numeric(5, 1) NOT NULL,
	"title" text NOT NULL,
	"note" text,
	"recorded_by" integer,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "study_records_hours_check" CHECK ("study_records"."hours" > 0)
);
--> statement-breakpoint
ALTER TABLE "course_progress" ADD CONSTRAINT "course_progress_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_progress" ADD CONSTRAINT "course_progress_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_series" ADD CONSTRAINT "course_series_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_series_id_course_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."course_series"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_cover_file_id_files_id_fk" FOREIGN KEY ("cover_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_reports" ADD CONSTRAINT "member_reports_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_reports" ADD CONSTRAINT "member_reports_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_reports" ADD CONSTRAINT "member_reports_ack_by_users_id_fk" FOREIGN KEY ("ack_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflection_comments" ADD CONSTRAINT "reflection_comments_reflection_id_reflections_id_fk" FOREIGN KEY ("reflection_id") REFERENCES "public"."reflections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflection_comments" ADD CONSTRAINT "reflection_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflection_comments" ADD CONSTRAINT "reflection_comments_moderated_by_users_id_fk" FOREIGN KEY ("moderated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflections" ADD CONSTRAINT "reflections_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflections" ADD CONSTRAINT "reflections_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflections" ADD CONSTRAINT "reflections_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflections" ADD CONSTRAINT "reflections_featured_by_users_id_fk" FOREIGN KEY ("featured_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_records" ADD CONSTRAINT "study_records_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_records" ADD CONSTRAINT "study_records_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_records" ADD CONSTRAINT "study_records_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "course_progress_member_idx" ON "course_progress" USING btree ("member_id","completed_at");--> statement-breakpoint
CREATE INDEX "courses_org_path_idx" ON "courses" USING btree ("org_path" text_pattern_ops,"id");--> statement-breakpoint
CREATE INDEX "courses_series_idx" ON "courses" USING btree ("series_id");--> statement-breakpoint
CREATE INDEX "courses_published_idx" ON "courses" USING btree ("state","publish_from");--> statement-breakpoint
CREATE INDEX "member_reports_member_idx" ON "member_reports" USING btree ("member_id","year");--> statement-breakpoint
CREATE INDEX "member_reports_org_path_idx" ON "member_reports" USING btree ("org_path" text_pattern_ops,"year");--> statement-breakpoint
CREATE INDEX "reflection_comments_reflection_idx" ON "reflection_comments" USING btree ("reflection_id","id");--> statement-breakpoint
CREATE INDEX "reflections_org_path_idx" ON "reflections" USING btree ("org_path" text_pattern_ops,"id");--> statement-breakpoint
CREATE INDEX "reflections_member_idx" ON "reflections" USING btree ("member_id","id");--> statement-breakpoint
CREATE INDEX "reflections_subject_idx" ON "reflections" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "reflections_featured_idx" ON "reflections" USING btree ("featured_at");--> statement-breakpoint
CREATE INDEX "study_records_member_idx" ON "study_records" USING btree ("member_id","studied_on");--> statement-breakpoint
CREATE INDEX "study_records_org_path_idx" ON "study_records" USING btree ("org_path" text_pattern_ops,"studied_on");