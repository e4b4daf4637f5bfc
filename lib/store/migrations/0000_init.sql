CREATE TABLE "attempts" (
	"generation_id" text NOT NULL,
	"attempt" smallint NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"provider" text NOT NULL,
	"model" text NOT NULL,
	"status" smallint,
	"error_class" text,
	"headers_ms" integer,
	"provider_failure" boolean NOT NULL,
	CONSTRAINT "attempts_generation_id_attempt_pk" PRIMARY KEY("generation_id","attempt")
);
--> statement-breakpoint
CREATE TABLE "calls" (
	"id" text PRIMARY KEY NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"key_id" text,
	"model" text,
	"router" text,
	"variant" text,
	"provider" text,
	"provider_model" text,
	"streamed" boolean NOT NULL,
	"status" smallint NOT NULL,
	"error_code" text,
	"ttfb_ms" integer,
	"total_ms" integer NOT NULL,
	"prompt_tokens" integer,
	"completion_tokens" integer,
	"cached_tokens" integer,
	"reasoning_tokens" integer,
	"cost" numeric,
	"finish_reason" text
);
--> statement-breakpoint
CREATE INDEX "attempts_model_provider_created_at_idx" ON "attempts" USING btree ("model","provider","created_at");--> statement-breakpoint
CREATE INDEX "attempts_created_at_idx" ON "attempts" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "calls_model_provider_created_at_idx" ON "calls" USING btree ("model","provider","created_at");--> statement-breakpoint
CREATE INDEX "calls_key_id_created_at_idx" ON "calls" USING btree ("key_id","created_at");--> statement-breakpoint
CREATE INDEX "calls_created_at_idx" ON "calls" USING btree ("created_at");