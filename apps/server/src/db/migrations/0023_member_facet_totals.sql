CREATE TABLE "member_facet_totals" (
	"n" integer NOT NULL,
	"facet" text NOT NULL,
	"home_county" text NOT NULL,
	"status" text NOT NULL,
	"value" text NOT NULL,
	CONSTRAINT "member_facet_totals_pkey" PRIMARY KEY("facet","home_county","status","value")
);
