CREATE TABLE "meeting_amendments" (
	"id" serial PRIMARY KEY NOT NULL,
	"meeting_id" integer NOT NULL,
	"field" text NOT NULL,
	"before" text,
	"after" text,
	"reason" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_attendees" (
	"meeting_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"role" text DEFAULT 'expected' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"signed_at" timestamp with time zone,
	"channel" text,
	"leave_reason" text,
	"leave_state" text,
	"leave_decided_by" integer,
	"leave_decided_at" timestamp with time zone,
	"note" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_attendees_meeting_id_member_id_pk" PRIMARY KEY("meeting_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "meeting_exemptions" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"org_path" text NOT NULL,
	"type" text NOT NULL,
	"from_on" date NOT NULL,
	"until_on" date,
	"reason" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"org_path" text NOT NULL,
	"type" text NOT NULL,
	"custom_type" text,
	"topic" text NOT NULL,
	"planned_at" timestamp with time zone NOT NULL,
	"held_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"mode" text DEFAULT 'offline' NOT NULL,
	"place" text,
	"online_url" text,
	"host" text,
	"recorder" text,
	"speaker" text,
	"agenda" text,
	"minutes" text,
	"resolutions" text,
	"allow_guests" boolean DEFAULT false NOT NULL,
	"state" text DEFAULT 'planned' NOT NULL,
	"study_hours" numeric(5, 1),
	"archived_at" timestamp with time zone,
	"archived_by" integer,
	"created_by" integer,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_attendance" (
	"session_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"status" text NOT NULL,
	"signed_at" timestamp with time zone,
	"channel" text,
	"note" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_attendance_session_id_member_id_pk" PRIMARY KEY("session_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "training_enrolments" (
	"id" serial PRIMARY KEY NOT NULL,
	"training_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"status" text NOT NULL,
	"source" text NOT NULL,
	"seq" bigserial NOT NULL,
	"nominated_by" integer,
	"note" text,
	"completed_at" timestamp with time zone,
	"certificate_no" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_sessions" (
	"id" serial PRIMARY KEY NOT NULL,
	"training_id" integer NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone,
	"place" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trainings" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"org_id" integer NOT NULL,
	"org_path" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"place" text,
	"description" text,
	"quota" integer NOT NULL,
	"enrolled_count" integer DEFAULT 0 NOT NULL,
	"audience_org_ids" integer[] DEFAULT '{}'::int[] NOT NULL,
	"audience_positions" text[] DEFAULT '{}'::text[] NOT NULL,
	"enrol_opens_at" timestamp with time zone,
	"enrol_closes_at" timestamp with time zone,
	"study_hours" numeric(5, 1) DEFAULT '0' NOT NULL,
	"cost_fen" integer,
	"state" text DEFAULT 'draft' NOT NULL,
	"created_by" integer,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trainings_quota_check" CHECK ("trainings"."enrolled_count" >= 0 and "trainings"."enrolled_count" <= "trainings"."quota")
);
--> statement-breakpoint
ALTER TABLE "meeting_amendments" ADD CONSTRAINT "meeting_amendments_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_amendments" ADD CONSTRAINT "meeting_amendments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendees" ADD CONSTRAINT "meeting_attendees_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendees" ADD CONSTRAINT "meeting_attendees_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendees" ADD CONSTRAINT "meeting_attendees_leave_decided_by_users_id_fk" FOREIGN KEY ("leave_decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_exemptions" ADD CONSTRAINT "meeting_exemptions_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_exemptions" ADD CONSTRAINT "meeting_exemptions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_archived_by_users_id_fk" FOREIGN KEY ("archived_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enrolments" ADD CONSTRAINT "training_enrolments_training_id_trainings_id_fk" FOREIGN KEY ("training_id") REFERENCES "public"."trainings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enrolments" ADD CONSTRAINT "training_enrolments_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enrolments" ADD CONSTRAINT "training_enrolments_nominated_by_users_id_fk" FOREIGN KEY ("nominated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_training_id_trainings_id_fk" FOREIGN KEY ("training_id") REFERENCES "public"."trainings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainings" ADD CONSTRAINT "trainings_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainings" ADD CONSTRAINT "trainings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_amendments_meeting_idx" ON "meeting_amendments" USING btree ("meeting_id","id");--> statement-breakpoint
CREATE INDEX "meeting_attendees_member_idx" ON "meeting_attendees" USING btree ("member_id","meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_exemptions_org_idx" ON "meeting_exemptions" USING btree ("org_id","type");--> statement-breakpoint
CREATE INDEX "meetings_org_path_idx" ON "meetings" USING btree ("org_path" text_pattern_ops,"planned_at");--> statement-breakpoint
CREATE INDEX "meetings_org_type_idx" ON "meetings" USING btree ("org_id","type","planned_at");--> statement-breakpoint
CREATE INDEX "meetings_planned_idx" ON "meetings" USING btree ("planned_at");--> statement-breakpoint
CREATE INDEX "training_attendance_member_idx" ON "training_attendance" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_enrolments_member_idx" ON "training_enrolments" USING btree ("training_id","member_id");--> statement-breakpoint
CREATE INDEX "training_enrolments_status_idx" ON "training_enrolments" USING btree ("training_id","status","seq");--> statement-breakpoint
CREATE INDEX "training_enrolments_of_member_idx" ON "training_enrolments" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_enrolments_certificate_idx" ON "training_enrolments" USING btree ("certificate_no") WHERE "training_enrolments"."certificate_no" is not null;--> statement-breakpoint
CREATE INDEX "training_sessions_training_idx" ON "training_sessions" USING btree ("training_id","starts_at");--> statement-breakpoint
CREATE INDEX "trainings_org_path_idx" ON "trainings" USING btree ("org_path" text_pattern_ops,"starts_on");