CREATE TABLE "member_counts" (
	"n" integer NOT NULL,
	"org_id" integer NOT NULL,
	"home_county" text NOT NULL,
	"host_district" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	CONSTRAINT "member_counts_pkey" PRIMARY KEY("org_id","home_county","host_district","status")
);
--> statement-breakpoint
ALTER TABLE "member_counts" ADD CONSTRAINT "member_counts_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;