import { NextResponse, type NextRequest } from "next/server";
import { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/request-id";

/**
 * Only an early redirect for signed-out visitors of app pages, on the presence of a
 * session cookie. Every page, action and route handler still checks the session and the
 * team role by itself; nothing here is a security boundary. It also gives each app page
 * request (and the server actions posted to it) an `x-request-id`, seen by the page and
 * the action (their error logs carry it) and returned to the browser; API route
 * handlers do the same by themselves (lib/server/api.ts), without a proxy hop.
 */
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  const requestId = requestIdFrom(request.headers);
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!hasSession) {
    const url = request.nextUrl.clone();
    url.pathname = "/sign-in";
    url.search = `?callbackUrl=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`;
    const redirect = NextResponse.redirect(url);
    redirect.headers.set(REQUEST_ID_HEADER, requestId);
    return redirect;
  }
  const headers = new Headers(request.headers);
  headers.set(REQUEST_ID_HEADER, requestId);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

export const config = {
  matcher: ["/teams/:path*", "/t/:path*", "/account/:path*", "/join", "/w/:path*"],
};
