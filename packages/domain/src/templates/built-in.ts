/**
 * Templates that ship with the product, for customer-service coordination in a hospital (the work
 * a patient-experience coordinator plans: complaints, service improvements, feedback). They are data,
 * checked by the same schema as saved templates (see built-in.test.ts), and offered in "New space"
 * beside a workspace's own templates. Days count from the day the new space starts.
 */
import type { SpaceTemplateContentInput } from "./schemas.js";

export interface BuiltInTemplate {
  id: `builtin:${string}`;
  name: string;
  description: string;
  content: SpaceTemplateContentInput;
}

const complaintHandling: BuiltInTemplate = {
  id: "builtin:complaint-handling",
  name: "Complaint handling",
  description:
    "Patient and family complaints from receipt to a closed, answered case: acknowledge within two working days, investigate with the department, reply, and learn from it.",
  content: {
    statuses: [
      { name: "How we handle complaints", role: "information" },
      { name: "Received", role: "not_started" },
      { name: "Acknowledged", role: "in_progress", wipLimit: 15 },
      { name: "Investigating", role: "in_progress", wipLimit: 8 },
      { name: "Response drafted", role: "in_progress", wipLimit: 5 },
      { name: "Closed", role: "completed" },
      { name: "Withdrawn", role: "cancelled" },
    ],
    labels: [
      { name: "Clinical care", color: "#c0392b" },
      { name: "Communication", color: "#2980b9" },
      { name: "Waiting times", color: "#d35400" },
      { name: "Facilities", color: "#7f8c8d" },
      { name: "Billing", color: "#8e44ad" },
      { name: "Urgent", color: "#e74c3c" },
    ],
    blockerTypes: [
      {
        name: "Waiting for the patient",
        description: "Consent or more details are needed from the patient or family.",
      },
      { name: "Waiting for the department", description: "The department concerned has not answered yet." },
      {
        name: "Medical records requested",
        description: "The investigation needs records that are not in yet.",
      },
    ],
    fields: [
      {
        name: "Channel",
        kind: "single_choice",
        options: [
          { name: "Letter", color: "#7f8c8d" },
          { name: "E-mail", color: "#2980b9" },
          { name: "Phone", color: "#27ae60" },
          { name: "In person", color: "#f39c12" },
        ],
        showOnCard: true,
      },
      { name: "Department", kind: "text", showOnCard: true },
      {
        name: "Severity",
        kind: "single_choice",
        options: [
          { name: "Low", color: "#27ae60" },
          { name: "Moderate", color: "#f39c12" },
          { name: "High", color: "#c0392b" },
        ],
        showOnCard: true,
      },
      { name: "Received on", kind: "date" },
    ],
    cards: [
      {
        key: "policy",
        name: "Complaint handling standard",
        status: "How we handle complaints",
        description:
          "Acknowledge every complaint within 2 working days, agree a reply date with the complainant, and answer within 25 working days. Record the department, channel and severity on each card; block the card when waiting on someone outside the team.",
        todos: [],
      },
      {
        key: "example",
        name: "Example: delayed discharge letter",
        status: "Received",
        labels: ["Communication"],
        description: "Replace this card with a real complaint, or copy it for each new one.",
        todos: [
          "Log the complaint and its channel",
          "Send the acknowledgement (within 2 working days)",
          "Agree the reply date with the complainant",
          "Ask the department for its account",
          "Draft the reply and have it approved",
          "Send the reply and close the case",
        ],
        startDay: 0,
        dueDay: 25,
      },
      {
        key: "review",
        name: "Monthly review of complaint themes",
        status: "Received",
        labels: ["Communication", "Waiting times"],
        todos: [
          "Count complaints by label and department",
          "Note repeat themes",
          "Share with the quality team",
        ],
        startDay: 28,
        dueDay: 30,
      },
      {
        key: "training",
        name: "Refresher on the complaint standard for ward clerks",
        status: "Received",
        todos: ["Book the session", "Prepare a one-page guide", "Collect questions afterwards"],
        startDay: 7,
        dueDay: 21,
      },
    ],
    relations: [{ kind: "next", from: "example", to: "review" }],
  },
};

const serviceImprovement: BuiltInTemplate = {
  id: "builtin:service-improvement",
  name: "Service-improvement project",
  description:
    "A patient-service improvement run in phases: define the goal, analyse the current service, plan resources, implement, then monitor and review. Each phase is a parent card with its tasks as children, one after the other.",
  content: {
    statuses: [
      { name: "Goals & scope", role: "information" },
      { name: "Planned", role: "not_started" },
      { name: "In progress", role: "in_progress", wipLimit: 6 },
      { name: "In review", role: "in_progress", wipLimit: 3 },
      { name: "Done", role: "completed" },
      { name: "Dropped", role: "cancelled" },
    ],
    labels: [
      { name: "Patient experience", color: "#16a085" },
      { name: "Staff", color: "#2980b9" },
      { name: "Process", color: "#8e44ad" },
      { name: "Technology", color: "#2c3e50" },
      { name: "Quick win", color: "#27ae60" },
    ],
    blockerTypes: [
      { name: "Budget approval", description: "Spending needs approval before the work can go on." },
      { name: "Staff availability", description: "The people needed are on rota elsewhere." },
      { name: "Clinical sign-off", description: "A clinical lead must agree to the change first." },
    ],
    fields: [
      {
        name: "Phase",
        kind: "single_choice",
        options: [
          { name: "Define", color: "#2980b9" },
          { name: "Analyse", color: "#8e44ad" },
          { name: "Plan", color: "#f39c12" },
          { name: "Implement", color: "#27ae60" },
          { name: "Monitor", color: "#16a085" },
        ],
        showOnCard: true,
      },
      { name: "Target measure", kind: "text" },
      { name: "Estimated cost", kind: "number" },
      { name: "Clinical lead", kind: "person" },
    ],
    cards: [
      {
        key: "goal",
        name: "Goal: what will be better for patients, and how we will know",
        status: "Goals & scope",
        description:
          "Write the goal as a measurable service target (for example, outpatients seen within 15 minutes of their appointment time, 9 times in 10), the hospital objective it supports, and what is out of scope.",
      },
      {
        key: "define",
        name: "Phase 1 · Define the goal",
        status: "Planned",
        labels: ["Patient experience"],
        todos: ["Agree the target measure", "Name the sponsor and clinical lead", "Write the scope"],
        startDay: 0,
        dueDay: 10,
      },
      {
        key: "analyse",
        name: "Phase 2 · Analyse the current service",
        status: "Planned",
        labels: ["Process"],
        todos: [
          "Map the patient journey",
          "Collect six months of feedback and complaints",
          "Measure the baseline",
          "Interview front-line staff",
        ],
        startDay: 11,
        dueDay: 30,
      },
      {
        key: "plan",
        name: "Phase 3 · Plan resources",
        status: "Planned",
        labels: ["Staff"],
        todos: ["Estimate staff time", "Cost equipment and technology", "Get budget approval"],
        startDay: 31,
        dueDay: 45,
      },
      {
        key: "implement",
        name: "Phase 4 · Implement the change",
        status: "Planned",
        labels: ["Process", "Staff"],
        todos: ["Pilot on one ward", "Train the staff involved", "Roll out to the other wards"],
        startDay: 46,
        dueDay: 90,
      },
      {
        key: "monitor",
        name: "Phase 5 · Monitor and review",
        status: "Planned",
        labels: ["Patient experience"],
        todos: [
          "Compare the measure with the baseline",
          "Hold the review meeting",
          "Decide: keep, adjust or stop",
        ],
        startDay: 91,
        dueDay: 120,
      },
      {
        key: "stakeholders",
        name: "Brief stakeholders (clinicians, administration, patient representatives)",
        status: "Planned",
        labels: ["Staff"],
        startDay: 5,
        dueDay: 10,
      },
      {
        key: "journey-map",
        name: "Patient journey map",
        status: "Planned",
        labels: ["Process"],
        startDay: 11,
        dueDay: 20,
      },
      {
        key: "pilot",
        name: "Pilot on one ward",
        status: "Planned",
        labels: ["Quick win"],
        startDay: 46,
        dueDay: 60,
      },
    ],
    relations: [
      { kind: "next", from: "define", to: "analyse" },
      { kind: "next", from: "analyse", to: "plan" },
      { kind: "next", from: "plan", to: "implement" },
      { kind: "next", from: "implement", to: "monitor" },
      { kind: "parent", from: "define", to: "stakeholders" },
      { kind: "parent", from: "analyse", to: "journey-map" },
      { kind: "parent", from: "implement", to: "pilot" },
    ],
  },
};

const patientFeedback: BuiltInTemplate = {
  id: "builtin:patient-feedback",
  name: "Patient-feedback programme",
  description:
    "A quarterly cycle of gathering patient and family feedback (surveys, comment cards, focus groups), turning it into actions with owners, and telling patients what changed.",
  content: {
    statuses: [
      { name: "About this programme", role: "information" },
      { name: "Ideas & feedback", role: "not_started" },
      { name: "Collecting", role: "in_progress", wipLimit: 4 },
      { name: "Analysing", role: "in_progress", wipLimit: 3 },
      { name: "Acting", role: "in_progress", wipLimit: 5 },
      { name: "Shared with patients", role: "completed" },
      { name: "Not pursued", role: "cancelled" },
    ],
    labels: [
      { name: "Survey", color: "#2980b9" },
      { name: "Comment cards", color: "#16a085" },
      { name: "Focus group", color: "#8e44ad" },
      { name: "Praise", color: "#27ae60" },
      { name: "Concern", color: "#c0392b" },
    ],
    blockerTypes: [
      { name: "Ethics or privacy review", description: "The questions or data handling need approval." },
      { name: "Low response rate", description: "Too few answers to draw a conclusion yet." },
    ],
    fields: [
      { name: "Responses", kind: "number", showOnCard: true },
      { name: "Satisfaction score", kind: "number", showOnCard: true },
      {
        name: "Ward or service",
        kind: "multi_choice",
        options: [
          { name: "Outpatients", color: "#2980b9" },
          { name: "Emergency", color: "#c0392b" },
          { name: "Maternity", color: "#e84393" },
          { name: "Inpatient wards", color: "#16a085" },
        ],
      },
      { name: "Survey link", kind: "link" },
    ],
    cards: [
      {
        key: "about",
        name: "How the programme runs",
        status: "About this programme",
        description:
          "Each quarter: collect feedback for six weeks, analyse it in two, agree actions with the wards, and publish a “You said, we did” summary. Feedback that names a member of staff is handled as a complaint, not here.",
      },
      {
        key: "survey",
        name: "Quarterly patient survey",
        status: "Ideas & feedback",
        labels: ["Survey"],
        todos: [
          "Review last quarter's questions",
          "Get the privacy review",
          "Send the survey",
          "Send a reminder after two weeks",
        ],
        startDay: 0,
        dueDay: 42,
      },
      {
        key: "comment-cards",
        name: "Collect comment cards from the wards",
        status: "Ideas & feedback",
        labels: ["Comment cards"],
        todos: ["Restock the boxes", "Collect weekly", "Type them up"],
        startDay: 0,
        dueDay: 42,
      },
      {
        key: "focus-group",
        name: "Patient and family focus group",
        status: "Ideas & feedback",
        labels: ["Focus group"],
        todos: ["Invite eight to ten participants", "Book a room", "Write up the notes"],
        startDay: 14,
        dueDay: 35,
      },
      {
        key: "analysis",
        name: "Analyse the quarter's feedback",
        status: "Ideas & feedback",
        todos: [
          "Group comments into themes",
          "Compare scores with last quarter",
          "Pick the three main themes",
        ],
        startDay: 43,
        dueDay: 56,
      },
      {
        key: "actions",
        name: "Agree actions with ward managers",
        status: "Ideas & feedback",
        todos: ["One owner per action", "Set a date for each"],
        startDay: 57,
        dueDay: 70,
      },
      {
        key: "you-said",
        name: "Publish “You said, we did”",
        status: "Ideas & feedback",
        labels: ["Praise"],
        todos: ["Write the summary", "Put up the posters", "Post it on the website"],
        startDay: 71,
        dueDay: 84,
      },
    ],
    relations: [
      { kind: "next", from: "survey", to: "analysis" },
      { kind: "next", from: "comment-cards", to: "analysis" },
      { kind: "next", from: "focus-group", to: "analysis" },
      { kind: "next", from: "analysis", to: "actions" },
      { kind: "next", from: "actions", to: "you-said" },
    ],
  },
};

export const builtInTemplates: readonly BuiltInTemplate[] = [
  complaintHandling,
  serviceImprovement,
  patientFeedback,
];
