CREATE TABLE "member_facet_counts" (
	"n" integer NOT NULL,
	"facet" text NOT NULL,
	"org_id" integer NOT NULL,
	"home_county" text NOT NULL,
	"host_district" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"value" text NOT NULL,
	CONSTRAINT "member_facet_counts_pkey" PRIMARY KEY("facet","org_id","home_county","host_district","status","value")
);
--> statement-breakpoint
ALTER TABLE "member_facet_counts" ADD CONSTRAINT "member_facet_counts_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "member_facet_counts_home_county_idx" ON "member_facet_counts" USING btree ("facet","home_county");--> statement-breakpoint
CREATE INDEX "member_facet_counts_host_district_idx" ON "member_facet_counts" USING btree ("facet","host_district");