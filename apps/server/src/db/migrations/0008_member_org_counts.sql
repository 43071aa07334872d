CREATE TABLE "member_org_counts" (
	"n" integer NOT NULL,
	"org_id" integer NOT NULL,
	"status" text NOT NULL,
	CONSTRAINT "member_org_counts_pkey" PRIMARY KEY("org_id","status")
);
--> statement-breakpoint
ALTER TABLE "member_org_counts" ADD CONSTRAINT "member_org_counts_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;