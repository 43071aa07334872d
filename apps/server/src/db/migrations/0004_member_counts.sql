CREATE TABLE "member_counts" (
	"n" integer NOT NULL,
	"org_id" integer NOT NULL,
	"home_county" text NOT NULL,
	"host_district" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	CONSTRAINT "member_counts_pkey" PRIMARY KEY("org_id","home_county","host_district","status")
);
--> statement-breakpoint
ALTER TABLE "member_counts" ADD CONSTRAINT "member_counts_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "member_counts_home_county_idx" ON "member_counts" USING btree ("home_county");--> statement-breakpoint
CREATE INDEX "member_counts_host_district_idx" ON "member_counts" USING btree ("host_district");