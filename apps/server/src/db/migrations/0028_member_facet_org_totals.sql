CREATE TABLE "member_facet_org_totals" (
	"n" integer NOT NULL,
	"facet" text NOT NULL,
	"org_id" integer NOT NULL,
	"status" text NOT NULL,
	"value" text NOT NULL,
	CONSTRAINT "member_facet_org_totals_pkey" PRIMARY KEY("facet","org_id","status","value")
);
--> statement-breakpoint
ALTER TABLE "member_facet_org_totals" ADD CONSTRAINT "member_facet_org_totals_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;