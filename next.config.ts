import type { NextConfig } from "next";
import { headerRules } from "./lib/security-headers";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  // Lets tooling build into another folder without touching the default build.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Native and Node-only modules stay out of the server bundle.
  serverExternalPackages: [
    "better-sqlite3",
    "@node-rs/argon2",
    "pg",
    "@prisma/adapter-pg",
    "@prisma/adapter-better-sqlite3",
  ],
  typedRoutes: false,
  async headers() {
    return headerRules();
  },
};

export default nextConfig;
