import "server-only";
import { headers } from "next/headers";
import { clientIp } from "@/lib/server/client-ip";

/** What the audit log records about where a request came from. */
export interface RequestMeta {
  ip: string;
}

/** For route handlers. */
export function requestMeta(request: Request): RequestMeta {
  return { ip: clientIp(request.headers) };
}

/** For server actions and pages (reads the incoming request's headers). */
export async function actionMeta(): Promise<RequestMeta> {
  return { ip: clientIp(await headers()) };
}
