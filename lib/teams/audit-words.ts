/**
 * The audit log in words, pure: what the owners' audit page says for each recorded
 * action (lib/server/audit/record-audit.ts). Unknown actions (added later) read as
 * their code.
 */
const ACTION_WORDS: Record<string, string> = {
  "auth.sign_in": "Signed in",
  "auth.sign_out": "Signed out",
  "auth.sign_up": "Created an account",
  "invitation.created": "Created an invitation",
  "invitation.accepted": "Joined through an invitation",
  "invitation.revoked": "Revoked an invitation",
  "member.role_changed": "Changed a member's role",
  "member.removed": "Removed a member",
  "member.left": "Left the team",
  "team.ownership_transferred": "Transferred ownership",
  "team.deleted": "Deleted the team",
  "token.created": "Created an API token",
  "token.revoked": "Revoked an API token",
  "share_link.enabled": "Turned on a read-only link",
  "share_link.disabled": "Turned off a read-only link",
};

export function auditActionWords(action: string): string {
  return ACTION_WORDS[action] ?? action;
}

const OUTCOME_WORDS: Record<string, string> = { success: "Succeeded", failure: "Failed", denied: "Refused" };

export function auditOutcomeWords(outcome: string): string {
  return OUTCOME_WORDS[outcome] ?? outcome;
}

/** "2026-03-01 14:05:09 UTC": the log's times, always in UTC. */
export function formatUtc(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}
