import { NextResponse, type NextRequest } from "next/server";

/**
 * Only an early redirect for signed-out visitors of app pages, on the presence of a
 * session cookie. Every page, action and route handler still checks the session and the
 * team role by itself; nothing here is a security boundary.
 */
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!hasSession) {
    const url = request.nextUrl.clone();
    url.pathname = "/sign-in";
    url.search = `?callbackUrl=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`;
    return NextResponse.redirect(url);
  }
  return NextResponse.next();
}

export const config = {
  matcher: ["/teams/:path*", "/t/:path*", "/account/:path*", "/join", "/w/:path*"],
};
