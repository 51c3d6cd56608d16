import { apiRoute } from "@/lib/server/api";
import { templateSummaries } from "@/lib/matrix/template-summaries";

export const GET = apiRoute(async () => Response.json({ templates: templateSummaries() }));
