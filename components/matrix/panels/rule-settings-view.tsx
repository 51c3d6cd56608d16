"use client";
import { Button } from "@/components/ui/button";
import { DialogBody, DialogFooter } from "@/components/ui/dialog";
import { RULES, type RuleInfo } from "@/lib/raci/rules";
import type { RaciSettings } from "@/lib/raci/types";
import { severityLabel } from "./findings-groups";
import { SeverityIcon } from "./severity-icon";

// The general RACI checks first, then the ones about the Tech Lead / Engineering Manager split.
const isTlEmRule = (r: RuleInfo) => r.code.startsWith("TLEM_") || r.code === "CODING_TIME_OUT_OF_RANGE";
export const RULE_SECTIONS = [
  { title: "RACI rules", rules: RULES.filter((r) => !isTlEmRule(r)) },
  { title: "Tech Lead and Engineering Manager rules", rules: RULES.filter(isTlEmRule) },
];

/** A rule's default severity, as icon and word. */
export function SeverityTag({ rule }: { rule: RuleInfo }) {
  return (
    <span className="ml-2 inline-flex items-center gap-1 align-middle text-xs font-normal text-slate-600 dark:text-slate-400">
      <SeverityIcon severity={rule.severity} className="size-3.5" />
      {severityLabel(rule.severity)}
    </span>
  );
}

/** The same information as text, for people who may not change it. */
export function RuleSettingsView({ settings, onClose }: { settings: RaciSettings; onClose: () => void }) {
  const s = settings;
  const limits: [string, string][] = [
    ["Most people responsible (R)", String(s.maxResponsible)],
    ["Most people consulted (C)", String(s.maxConsulted)],
    [
      "A person is overloaded when accountable for",
      s.overload.mode === "share"
        ? `more than ${s.overload.maxShare}% of the items`
        : `more than ${s.overload.maxCount} items`,
    ],
    ["Tech Lead codes", `${s.codingRange.techLead.min}% to ${s.codingRange.techLead.max}% of the time`],
    [
      "Engineering Manager codes",
      `${s.codingRange.engineeringManager.min}% to ${s.codingRange.engineeringManager.max}% of the time`,
    ],
  ];
  return (
    <>
      {/* Nothing in here is focusable, so the scrolling body itself takes focus: keyboard
          users can scroll it, and it is where focus lands when the dialog opens. */}
      <DialogBody tabIndex={0} role="region" aria-label="Rules and limits">
        {RULE_SECTIONS.map((section) => (
          <section key={section.title} aria-label={section.title} className="space-y-2">
            <h3 className="text-sm font-semibold">{section.title}</h3>
            <ul className="space-y-2">
              {section.rules.map((rule) => {
                const isOn = !s.disabledRules.includes(rule.code);
                return (
                  <li key={rule.code} className="text-sm">
                    <span className="font-medium">{rule.title}</span>
                    <SeverityTag rule={rule} />
                    <span
                      className={
                        isOn
                          ? "ml-2 rounded-full bg-emerald-50 px-2 py-px text-xs font-medium text-emerald-800 dark:bg-emerald-950/50 dark:text-emerald-300"
                          : "ml-2 rounded-full bg-slate-100 px-2 py-px text-xs font-medium text-slate-700 dark:bg-slate-800 dark:text-slate-300"
                      }
                    >
                      {isOn ? "On" : "Off"}
                    </span>
                    <p className="mt-0.5 text-slate-600 dark:text-slate-400">{rule.explanation}</p>
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
        <section aria-label="Limits" className="space-y-2">
          <h3 className="text-sm font-semibold">Limits</h3>
          <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
            {limits.map(([term, value]) => (
              <div key={term} className="contents">
                <dt className="text-slate-600 dark:text-slate-400">{term}</dt>
                <dd className="font-medium">{value}</dd>
              </div>
            ))}
          </dl>
        </section>
      </DialogBody>
      <DialogFooter>
        <Button variant="secondary" onClick={onClose}>
          Close
        </Button>
      </DialogFooter>
    </>
  );
}
