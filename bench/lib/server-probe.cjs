/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload for `node --require` */
// Preloaded into the server under test by bench/run.mjs (NODE_OPTIONS=--require …):
// - counts the SQL statements it runs: @prisma/adapter-better-sqlite3 prepares every
//   statement (no statement cache), so wrapping better-sqlite3's prepare/exec counts them
//   all, transaction control included, and keeps the text of the last 200;
// - on SIGUSR2 writes those counts and process.memoryUsage() (what the RSS is made of)
//   to $BENCH_PROBE_FILE.<pid>; when $BENCH_PROBE_FILE.gc exists, after a full GC (so
//   the bench can tell memory that is kept from garbage not yet collected);
// - times every HTTP request inside the server (the 'request' event → the response's
//   'finish'), per method and route (ids replaced by :id), so the bench can split a round
//   trip into server time and the rest (client, loopback, scheduling).
// Without BENCH_PROBE_FILE this file does nothing. Counting costs a few ns per statement.
"use strict";
const fs = require("node:fs");

const out = process.env.BENCH_PROBE_FILE;
if (out) {
  const counts = { total: 0, select: 0, insert: 0, update: 0, delete: 0, transaction: 0, other: 0 };
  /** The last statements, as [sequence number, first 300 characters of the SQL]. */
  const recent = [];
  const count = (sql) => {
    counts.total++;
    recent.push([counts.total, String(sql).slice(0, 300)]);
    if (recent.length > 200) recent.shift();
    const verb = /^\s*(\w+)/.exec(String(sql))?.[1]?.toLowerCase() ?? "";
    if (verb === "select" || verb === "with") counts.select++;
    else if (verb === "insert") counts.insert++;
    else if (verb === "update") counts.update++;
    else if (verb === "delete") counts.delete++;
    else if (verb === "begin" || verb === "commit" || verb === "rollback" || verb === "savepoint" || verb === "release")
      counts.transaction++;
    else counts.other++;
  };
  /** Server-side request durations in ms, per "METHOD /route/:id", in arrival order (capped). */
  const requests = {};
  const route = (url) =>
    String(url)
      .split("?")[0]
      .split("/")
      .map((seg) => (/^[a-z0-9]{20,}$/i.test(seg) || seg.startsWith("team-") ? ":id" : seg))
      .join("/");
  const http = require("node:http");
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (event, req, res) {
    if (event === "request" && res) {
      const t0 = process.hrtime.bigint();
      res.once("finish", () => {
        const key = `${req.method} ${route(req.url)}`;
        const list = (requests[key] ??= []);
        if (list.length < 50_000) list.push(Number(process.hrtime.bigint() - t0) / 1e6);
      });
    }
    return emit.apply(this, arguments);
  };
  try {
    const Database = require("better-sqlite3");
    const { prepare, exec } = Database.prototype;
    Database.prototype.prepare = function (sql, ...rest) {
      count(sql);
      return prepare.call(this, sql, ...rest);
    };
    Database.prototype.exec = function (sql, ...rest) {
      count(sql);
      return exec.call(this, sql, ...rest);
    };
    let gc = null;
    process.on("SIGUSR2", () => {
      try {
        if (fs.existsSync(`${out}.gc`)) {
          if (!gc) {
            require("node:v8").setFlagsFromString("--expose-gc");
            gc = require("node:vm").runInNewContext("gc");
          }
          gc();
        }
        // Written aside, then renamed: the bench never reads half a file.
        const file = `${out}.${process.pid}`;
        fs.writeFileSync(`${file}.tmp`, JSON.stringify({ ...counts, recent, memory: process.memoryUsage(), requests }));
        fs.renameSync(`${file}.tmp`, file);
      } catch {
        /* the bench reads what it can */
      }
    });
  } catch {
    /* no better-sqlite3 here (e.g. a PostgreSQL run): nothing to count */
  }
}
