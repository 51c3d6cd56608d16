import { deepFreeze } from "./deep-freeze";
import { cloneDefaults } from "./rules";
import type { Domain, Letters, RaciMatrix, RaciSettings, RoleKind } from "./types";

/** A column of a template: a role to fill (templates never name real people). */
export interface TemplateColumn {
  /** Stable key, referenced by the rows' `cells`. */
  key: string;
  name: string;
  roleTitle: string;
  roleKinds: RoleKind[];
  isVacant: boolean;
  codingShare: number | null;
}

/** A row of a template with its default letters. */
export interface TemplateRow {
  title: string;
  /** One plain-English sentence: what the item means in practice. */
  description: string;
  category: string;
  domain: Domain | null;
  /** Canonical letters by column key; absent keys are empty cells. */
  cells: Record<string, Letters>;
}

/** A ready-made matrix a team can start from. */
export interface MatrixTemplate {
  id: string;
  name: string;
  summary: string;
  columns: TemplateColumn[];
  rows: TemplateRow[];
}

const TECH_LEAD: TemplateColumn = {
  key: "tl",
  name: "Tech Lead",
  roleTitle: "Tech Lead",
  roleKinds: ["TECH_LEAD"],
  isVacant: true,
  codingShare: null,
};

const ENGINEERING_MANAGER: TemplateColumn = {
  key: "em",
  name: "Engineering Manager",
  roleTitle: "Engineering Manager",
  roleKinds: ["ENGINEERING_MANAGER"],
  isVacant: true,
  codingShare: null,
};

function role(key: string, name: string): TemplateColumn {
  return { key, name, roleTitle: name, roleKinds: [], isVacant: true, codingShare: null };
}

function row(
  title: string,
  category: string,
  domain: Domain | null,
  cells: Record<string, Letters>,
  description: string,
): TemplateRow {
  return { title, description, category, domain, cells };
}

// Titles are copied character for character from the Engineering Ladders list
// (engineeringladders.com, "Tech Lead vs Engineering Manager"). The source's "(shared)"
// marker is not part of a title: it is what the SHARED domain says.
const TL_VS_EM: MatrixTemplate = {
  id: "tl-vs-em",
  name: "Tech Lead vs Engineering Manager",
  summary:
    "The split from Engineering Ladders: the Tech Lead is in charge of the System, the Engineering Manager of the People. Three items are shared, and each role can step in for the other.",
  columns: [TECH_LEAD, ENGINEERING_MANAGER],
  rows: [
    // Tech Lead (System)
    row(
      "Technical Excellence and Innovation",
      "Technical direction",
      "SYSTEM",
      { tl: "RA", em: "I" },
      "Keeps the quality bar of the code and the system high, and brings in new ideas when they pay off.",
    ),
    row(
      "Architecture and System Integration",
      "Technical direction",
      "SYSTEM",
      { tl: "RA", em: "I" },
      "Shapes how the parts of the system fit together and connect to the systems around it.",
    ),
    row(
      "Tech Mentoring, Adoption and Alignment",
      "Technical direction",
      "SYSTEM",
      { tl: "RA", em: "C" },
      "Helps engineers grow technically and gets the team to adopt and agree on tools and practices.",
    ),
    row(
      "Technical Spikes and Experiments",
      "Technical direction",
      "SYSTEM",
      { tl: "RA", em: "I" },
      "Runs short, time-boxed investigations that answer technical questions before the team commits.",
    ),
    row(
      "Platform Direction, Patterns and Practices",
      "Technical direction",
      "SYSTEM",
      { tl: "RA", em: "I" },
      "Sets where the platform is heading and which patterns and practices the team follows.",
    ),
    row(
      "Code Reviews and Feedback",
      "Engineering practice",
      "SYSTEM",
      { tl: "RA" },
      "Makes sure code gets reviewed and engineers get useful technical feedback on their work.",
    ),
    row(
      "System Design Presentations",
      "Engineering practice",
      "SYSTEM",
      { tl: "RA", em: "I" },
      "Walks the team and stakeholders through designs, so decisions are understood and challenged early.",
    ),
    row(
      "Production Issues Escalation",
      "Operations",
      "SYSTEM",
      { tl: "RA", em: "I" },
      "Is the technical escalation point when production breaks, and decides how the team responds.",
    ),
    row(
      "System SLAs, Metrics & Monitoring",
      "Operations",
      "SYSTEM",
      { tl: "RA", em: "I" },
      "Defines the service levels, metrics and alerts that tell the team whether the system is healthy.",
    ),
    row(
      "Technical Capacity Planning",
      "Planning & delivery",
      "SYSTEM",
      { tl: "RA", em: "C" },
      "Estimates what the system and the team can technically take on, and flags limits before they bite.",
    ),
    // Engineering Manager (People)
    row(
      "Team Planning and Delivery",
      "Planning & delivery",
      "PEOPLE",
      { tl: "C", em: "RA" },
      "Plans what the team works on and makes sure it gets delivered.",
    ),
    row(
      "Team Productivity and Metrics",
      "Planning & delivery",
      "PEOPLE",
      { tl: "C", em: "RA" },
      "Tracks how well the team delivers and removes what slows it down.",
    ),
    row(
      "Career Planning, Promotions and Coaching",
      "People & growth",
      "PEOPLE",
      { tl: "C", em: "RA" },
      "Helps each engineer plan their career, coaches them and makes the case for their promotions.",
    ),
    row(
      "Objectives, Performance and Feedback",
      "People & growth",
      "PEOPLE",
      { tl: "C", em: "RA" },
      "Sets objectives with each person, gives regular feedback and runs performance reviews.",
    ),
    row(
      "One on Ones",
      "People & growth",
      "PEOPLE",
      { em: "RA" },
      "Holds regular one-on-one conversations with every member of the team.",
    ),
    row(
      "Headcount Planning and Hiring",
      "Team",
      "PEOPLE",
      { tl: "C", em: "RA" },
      "Decides how many people the team needs, with which skills, and runs hiring to get them.",
    ),
    row(
      "Team Building Activities and Culture",
      "Team",
      "PEOPLE",
      { tl: "C", em: "RA" },
      "Builds a healthy team culture and organizes activities that bring people together.",
    ),
    row(
      "Team Protection and Happiness",
      "Team",
      "PEOPLE",
      { tl: "I", em: "RA" },
      "Shields the team from distractions and unfair pressure, and keeps an eye on morale.",
    ),
    row(
      "Participation in Technical Decisions",
      "Communication & alignment",
      "PEOPLE",
      { tl: "C", em: "RA" },
      "Takes part in technical decisions enough to understand their cost for the team and the business.",
    ),
    row(
      "Cascading Communications",
      "Communication & alignment",
      "PEOPLE",
      { tl: "I", em: "RA" },
      "Passes company and department news down to the team, and the team's news up.",
    ),
    row(
      "Alignment with other Tech Leads",
      "Communication & alignment",
      "SYSTEM",
      { tl: "RA" },
      "Keeps technical decisions consistent with other teams through regular contact with their Tech Leads.",
    ),
    row(
      "Alignment with other Dev Managers",
      "Communication & alignment",
      "PEOPLE",
      { em: "RA" },
      "Coordinates people, process and priorities with the managers of other teams.",
    ),
    // Shared
    row(
      "System Roadmap",
      "Shared",
      "SHARED",
      { tl: "RA", em: "R" },
      "The plan for how the system evolves over the coming months, balancing features, technical debt and staffing.",
    ),
    row(
      "Development Process",
      "Shared",
      "SHARED",
      { tl: "R", em: "RA" },
      "How the team takes work from idea to production: workflow, rituals and the definition of done.",
    ),
    row(
      "Team Visibility and Recognition",
      "Shared",
      "SHARED",
      { tl: "R", em: "RA" },
      "Makes the team's work visible outside the team and makes sure people get credit for it.",
    ),
    // Hands-on coding and cover
    row(
      "Hands-On Coding 30% to 70% of the Time",
      "Hands-on",
      "SYSTEM",
      { tl: "RA" },
      "The Tech Lead stays close to the code, writing and shipping it roughly a third to two thirds of the time.",
    ),
    row(
      "Hands-On Coding 0% to 30% of the Time",
      "Hands-on",
      "PEOPLE",
      { em: "RA" },
      "The Engineering Manager codes little or not at all, never so much that the team waits on them.",
    ),
    row(
      "Ability to Act as Engineering Manager when Required",
      "Covering for each other",
      "SYSTEM",
      { tl: "RA", em: "C" },
      "The Tech Lead knows the team's people matters well enough to step in for the Engineering Manager.",
    ),
    row(
      "Ability to Act as Tech Lead when Required",
      "Covering for each other",
      "PEOPLE",
      { tl: "C", em: "RA" },
      "The Engineering Manager understands the system well enough to step in for the Tech Lead.",
    ),
  ],
};

const INCIDENT_RESPONSE: MatrixTemplate = {
  id: "incident-response",
  name: "Incident response",
  summary:
    "Who prepares for incidents, who acts during one, who talks to whom, and who makes sure the same thing does not happen twice.",
  columns: [
    TECH_LEAD,
    ENGINEERING_MANAGER,
    role("oncall", "On-call Engineer"),
    role("pm", "Product Manager"),
    role("support", "Support Lead"),
  ],
  rows: [
    row(
      "On-call Rotation and Schedule",
      "Preparedness",
      "PEOPLE",
      { tl: "C", em: "RA", oncall: "I" },
      "Who is on call when, with a fair rotation, clean handovers and cover for holidays.",
    ),
    row(
      "Runbooks and Playbooks",
      "Preparedness",
      "SYSTEM",
      { tl: "A", em: "I", oncall: "R" },
      "Step-by-step guides for known failures, so any responder can act at 3 a.m.",
    ),
    row(
      "Alerting and Paging Rules",
      "Preparedness",
      "SYSTEM",
      { tl: "A", oncall: "R" },
      "Which signals page a human, how urgently, and which only open a ticket.",
    ),
    row(
      "Severity Levels and Escalation Policy",
      "Preparedness",
      "SHARED",
      { tl: "R", em: "A", pm: "C", support: "C" },
      "What makes an incident minor, major or critical, and who gets pulled in at each level.",
    ),
    row(
      "Acknowledging Pages",
      "Detection & triage",
      "SYSTEM",
      { tl: "I", oncall: "RA" },
      "Answering a page within the agreed time and taking ownership of the alert.",
    ),
    row(
      "Declaring an Incident and Its Severity",
      "Detection & triage",
      "SYSTEM",
      { tl: "C", em: "I", oncall: "RA", support: "I" },
      "Deciding that something is an incident, setting its severity and opening the incident channel.",
    ),
    row(
      "Incident Command",
      "Detection & triage",
      "SYSTEM",
      { tl: "A", em: "I", oncall: "R" },
      "Coordinating a major incident: who does what, what gets tried next, and when to escalate.",
    ),
    row(
      "Diagnosis and Mitigation",
      "Mitigation",
      "SYSTEM",
      { tl: "C", oncall: "RA" },
      "Finding what is wrong and stopping the damage first; the root cause can wait.",
    ),
    row(
      "Rollback and Hotfix Decisions",
      "Mitigation",
      "SYSTEM",
      { tl: "A", oncall: "R", pm: "C" },
      "Choosing between rolling back, hotfixing or waiting, weighing risk against user impact.",
    ),
    row(
      "Pulling In More Responders",
      "Mitigation",
      "PEOPLE",
      { tl: "C", em: "RA", oncall: "I" },
      "Finding extra people when an incident runs long or needs skills the responder does not have.",
    ),
    row(
      "Internal Status Updates",
      "Communication",
      "PEOPLE",
      { tl: "C", em: "RA", pm: "I", support: "I" },
      "Keeping leadership and neighboring teams informed at a steady rhythm while the incident lasts.",
    ),
    row(
      "Customer Communication",
      "Communication",
      null,
      { tl: "I", em: "I", pm: "C", support: "RA" },
      "Status page posts and replies to customers, in plain language and without blame.",
    ),
    row(
      "Blameless Postmortem",
      "Follow-up",
      "SHARED",
      { tl: "A", em: "C", oncall: "R", pm: "I", support: "I" },
      "A written review of what happened and why, focused on the system rather than on who made a mistake.",
    ),
    row(
      "Follow-up Actions",
      "Follow-up",
      "SYSTEM",
      { tl: "A", em: "C", oncall: "R", pm: "C" },
      "Tracking the fixes from the postmortem until they are done, and prioritizing them against feature work.",
    ),
    row(
      "Incident Metrics and Trends",
      "Follow-up",
      "SHARED",
      { tl: "C", em: "RA" },
      "Watching how often incidents happen, how long they last and how much on-call load they create.",
    ),
    row(
      "Responder Recovery and Wellbeing",
      "Follow-up",
      "PEOPLE",
      { tl: "I", em: "RA", oncall: "I" },
      "Time off after a long night, and an eye on on-call load before it burns people out.",
    ),
  ],
};

const RELEASE_PROCESS: MatrixTemplate = {
  id: "release-process",
  name: "Release process",
  summary:
    "From deciding what goes into a release to watching it in production: who plans, who ships, who can say no, and who can undo it.",
  columns: [
    TECH_LEAD,
    ENGINEERING_MANAGER,
    role("eng", "Software Engineer"),
    role("qa", "QA Engineer"),
    role("pm", "Product Manager"),
  ],
  rows: [
    row(
      "Release Cadence and Calendar",
      "Planning",
      "SHARED",
      { tl: "R", em: "A", qa: "I", pm: "C" },
      "How often the team ships and which dates are fixed, so everyone can plan around them.",
    ),
    row(
      "Release Scope",
      "Planning",
      null,
      { tl: "C", em: "C", qa: "I", pm: "RA" },
      "Which features and fixes go into a release, and what gets cut when time runs short.",
    ),
    row(
      "Branching and Versioning Strategy",
      "Planning",
      "SYSTEM",
      { tl: "RA", eng: "I", qa: "I" },
      "How code flows from branches into a release, and how versions are numbered.",
    ),
    row(
      "Feature Flags and Dark Launches",
      "Planning",
      "SYSTEM",
      { tl: "C", eng: "RA", pm: "I" },
      "Shipping code switched off and turning it on gradually, so releasing and launching are separate decisions.",
    ),
    row(
      "CI Pipeline Health",
      "Build & verify",
      "SYSTEM",
      { tl: "A", eng: "R", qa: "I" },
      "Keeping builds and automated tests fast, green and trusted.",
    ),
    row(
      "Test Plan and Regression Testing",
      "Build & verify",
      null,
      { tl: "C", eng: "C", qa: "RA" },
      "Deciding what to test before a release and making sure existing features still work.",
    ),
    row(
      "Database Migrations and Data Changes",
      "Build & verify",
      "SYSTEM",
      { tl: "A", em: "I", eng: "R" },
      "Planning schema and data changes so they can roll forward and back without downtime.",
    ),
    row(
      "Release Notes and Changelog",
      "Build & verify",
      null,
      { em: "I", eng: "R", qa: "C", pm: "A" },
      "Writing down what changed, for users and for support, in words they understand.",
    ),
    row(
      "Go/No-Go Decision",
      "Ship",
      "SHARED",
      { tl: "RA", em: "C", qa: "C", pm: "C" },
      "The final call on whether a release goes out, based on test results and known risks.",
    ),
    row(
      "Deployment and Rollout",
      "Ship",
      "SYSTEM",
      { tl: "C", eng: "RA", qa: "I" },
      "Running the deployment, watching the rollout and pausing it when something looks wrong.",
    ),
    row(
      "Rollback Plan",
      "Ship",
      "SYSTEM",
      { tl: "A", eng: "R", qa: "I" },
      "Knowing before the release how to undo it, and rehearsing that when the stakes are high.",
    ),
    row(
      "Post-Release Monitoring",
      "Ship",
      "SYSTEM",
      { tl: "C", eng: "RA", pm: "I" },
      "Watching errors, performance and key product metrics in the hours after a release.",
    ),
    row(
      "Release Captain Rotation",
      "People & follow-up",
      "PEOPLE",
      { tl: "C", em: "RA", eng: "I", qa: "I" },
      "Who runs each release, rotated fairly so the know-how does not sit with one person.",
    ),
    row(
      "Stakeholder Announcements",
      "People & follow-up",
      null,
      { em: "I", pm: "RA" },
      "Telling sales, support and other teams what is shipping and when.",
    ),
    row(
      "Release Retrospective",
      "People & follow-up",
      "SHARED",
      { tl: "R", em: "A", eng: "C", qa: "C" },
      "A short look back after a bumpy release, to improve the process for the next one.",
    ),
  ],
};

const HIRING_LOOP: MatrixTemplate = {
  id: "hiring-loop",
  name: "Hiring loop",
  summary:
    "From opening a role to a new engineer's first weeks: who sets the bar, who interviews, who decides and who looks after the candidate.",
  columns: [
    TECH_LEAD,
    ENGINEERING_MANAGER,
    role("recruiter", "Recruiter"),
    role("seng", "Senior Engineer"),
    role("pm", "Product Manager"),
  ],
  rows: [
    row(
      "Headcount Approval",
      "Plan",
      "PEOPLE",
      { tl: "C", em: "RA", recruiter: "I" },
      "Getting the budget and the approval to open the role.",
    ),
    row(
      "Role Definition and Job Description",
      "Plan",
      "SHARED",
      { tl: "R", em: "A", recruiter: "C" },
      "What the new person will do and at which level, in a job description that matches the real job.",
    ),
    row(
      "Technical Bar and Interview Rubrics",
      "Plan",
      "SYSTEM",
      { tl: "RA", em: "C", seng: "C" },
      "What good looks like in each technical interview, written down so that interviewers score alike.",
    ),
    row(
      "Sourcing and Outreach",
      "Source & screen",
      null,
      { em: "C", recruiter: "RA", seng: "I" },
      "Finding candidates and reaching out to them, including referrals from the team.",
    ),
    row(
      "Resume Screening",
      "Source & screen",
      null,
      { em: "C", recruiter: "RA" },
      "Deciding which applications move on, against criteria agreed with the hiring manager.",
    ),
    row(
      "Recruiter Phone Screen",
      "Source & screen",
      null,
      { em: "I", recruiter: "RA" },
      "A first call about motivation, logistics and salary expectations.",
    ),
    row(
      "Technical Interview",
      "Interview",
      "SYSTEM",
      { tl: "A", seng: "R" },
      "A hands-on interview on coding and problem solving, run by trained engineers.",
    ),
    row(
      "System Design Interview",
      "Interview",
      "SYSTEM",
      { tl: "RA", seng: "C" },
      "An interview about designing a system, for roles where architecture matters.",
    ),
    row(
      "Collaboration and Values Interview",
      "Interview",
      "PEOPLE",
      { em: "RA", pm: "R" },
      "How the candidate works with others, handles disagreement and gives feedback.",
    ),
    row(
      "Interviewer Training and Calibration",
      "Interview",
      "SHARED",
      { tl: "A", em: "R", seng: "I" },
      "Teaching interviewers the rubrics and comparing scores, so the bar stays the same for everyone.",
    ),
    row(
      "Debrief and Hiring Decision",
      "Decide",
      "SHARED",
      { tl: "C", em: "RA", recruiter: "C", seng: "C", pm: "C" },
      "Interviewers share their evidence, then the hiring manager makes the call.",
    ),
    row(
      "Offer and Negotiation",
      "Decide",
      null,
      { em: "C", recruiter: "RA" },
      "Putting the offer together, presenting it and handling the negotiation.",
    ),
    row(
      "Candidate Experience",
      "Decide",
      null,
      { em: "I", recruiter: "RA" },
      "Timely updates and respectful feedback for every candidate, hired or not.",
    ),
    row(
      "Onboarding Plan and Buddy",
      "Onboard",
      "PEOPLE",
      { tl: "C", em: "A", seng: "R" },
      "A plan for the first weeks and a buddy who answers the everyday questions.",
    ),
    row(
      "First Technical Tasks",
      "Onboard",
      "SYSTEM",
      { tl: "A", em: "I", seng: "R" },
      "Small, real tasks that get the new engineer shipping in their first weeks.",
    ),
  ],
};

/** Every template, the Tech Lead vs Engineering Manager split first. Deeply frozen. */
export const TEMPLATES: readonly MatrixTemplate[] = deepFreeze([
  TL_VS_EM,
  INCIDENT_RESPONSE,
  RELEASE_PROCESS,
  HIRING_LOOP,
]);

/** The template with this id, or undefined. */
export function findTemplate(id: string): MatrixTemplate | undefined {
  return TEMPLATES.find((t) => t.id === id);
}

/**
 * A template as a RaciMatrix, for previews and for checking it: column ids are the
 * column keys, row ids are "row-1", "row-2", ... in template order.
 */
export function templateToMatrix(template: MatrixTemplate, settings: RaciSettings = cloneDefaults()): RaciMatrix {
  const cells: RaciMatrix["cells"] = {};
  const rows = template.rows.map((r, i) => {
    const id = `row-${i + 1}`;
    cells[id] = { ...r.cells };
    return { id, title: r.title, description: r.description, category: r.category, domain: r.domain };
  });
  return {
    columns: template.columns.map((c) => ({
      id: c.key,
      name: c.name,
      roleTitle: c.roleTitle,
      roleKinds: [...c.roleKinds],
      isVacant: c.isVacant,
      codingShare: c.codingShare,
    })),
    rows,
    cells,
    settings,
  };
}
