// What two weeks of a demo clinic's life consist of, decided up front from a seeded PRNG: when staff scheduled
// batches and pressed "Call now", when patients rang, and how each patient answers when dialed. Pure: the same
// clinic, seed and end instant give the same plan. Playing it (play-history.ts) goes through the product.
import { TZDate } from "@date-fns/tz";
import { addDays, format } from "date-fns";
import { openingFor, zonedInstant, type OpeningDay } from "@/lib/appointments/opening-hours";
import type { InboundOutcome } from "@/simulator/inbound-script";
import type { CallOutcome, FailureReason } from "@/simulator/options";
import { mulberry32, pickOne, pickWeighted } from "@/simulator/prng";

export type Answer = CallOutcome | FailureReason;

export interface HistoryClinic {
  timezone: string;
  callingDays: number[];
  /** Minutes after local midnight. */
  callingWindowStart: number;
  callingWindowEnd: number;
  openingHours: OpeningDay[];
  /** The clinic's callable contacts (not on the do-not-call list). */
  contacts: Array<{ id: string; phoneNumber: string }>;
  /** Numbers patients the clinic does not know call from: this prefix and three digits. */
  unknownPrefix: string;
  /** 1 for a busy clinic; smaller for a quieter one. */
  scale: number;
}

export type HistoryEvent =
  | { kind: "batch"; at: number; start: number; name: string; contactIds: string[]; staggerMinutes: number }
  | { kind: "call_now"; at: number; contactId: string }
  | { kind: "inbound"; at: number; from: string; name?: string; outcome: InboundOutcome };

export interface HistoryPlan {
  events: HistoryEvent[];
  /** How each patient answers their next dials, by number (the simulator's `scriptNumber`). */
  answers: Record<string, Answer[]>;
}

const MINUTE = 60_000;
const SCRIPT_LENGTH = 4;
const FIRST_ANSWER: Record<Answer, number> = {
  appointment_booked: 5,
  callback_scheduled: 2,
  not_interested: 2,
  voicemail: 1.5,
  escalated: 0.4,
  "no-answer": 1.2,
  busy: 0.6,
};
/** The running batch: every patient picks up, so no retry is left hanging at the end of the history. */
const PICKS_UP: Record<Answer, number> = {
  appointment_booked: 5,
  callback_scheduled: 2,
  not_interested: 2,
  voicemail: 0,
  escalated: 0,
  "no-answer": 0,
  busy: 0,
};
const LATER_ANSWER: Record<Answer, number> = {
  appointment_booked: 4,
  callback_scheduled: 1,
  not_interested: 2,
  voicemail: 1,
  escalated: 0,
  "no-answer": 1,
  busy: 0,
};
const NEVER_PICKS_UP: Answer[] = ["no-answer", "busy", "no-answer", "no-answer"];
const INBOUND: Record<InboundOutcome, number> = { appointment_booked: 4, callback_scheduled: 2, resolved: 3, escalated: 0.6 };
const NEW_CALLERS = ["Morgan Ellis", "Casey Nguyen", "Jamie Walsh", "Taylor Singh", "Avery Clarke", "Quinn Russo", "Harper Lowe", "Drew Patel"] as const;

interface ClinicDay {
  /** The local date; its times become instants through zonedInstant (DST-safe). */
  date: string;
  open: OpeningDay;
}

/** The clinic's open days among the last `days` local dates and today: a calling day with opening hours. */
export function openDays(clinic: HistoryClinic, until: number, days: number): ClinicDay[] {
  const today = new TZDate(until, clinic.timezone);
  const result: ClinicDay[] = [];
  for (let back = days; back >= 0; back--) {
    const day = addDays(today, -back);
    const weekday = Number(format(day, "i"));
    const open = openingFor(clinic.openingHours, weekday);
    if (open && clinic.callingDays.includes(weekday)) result.push({ date: format(day, "yyyy-MM-dd"), open });
  }
  return result;
}

function at(clinic: HistoryClinic, date: string, minute: number): number {
  const instant = zonedInstant(clinic.timezone, date, minute);
  // A wall time skipped by a DST change: an hour later exists.
  return instant ?? zonedInstant(clinic.timezone, date, minute + 60)!;
}

function shuffle<T>(random: () => number, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** A patient's answers to their next dials: the first from `first`; after a call-back request, the call back books. */
function script(random: () => number, first: Record<Answer, number>): Answer[] {
  const answers: Answer[] = [pickWeighted(random, first)];
  while (answers.length < SCRIPT_LENGTH) answers.push(answers.at(-1) === "callback_scheduled" ? "appointment_booked" : pickWeighted(random, LATER_ANSWER));
  return answers;
}

/**
 * The instant from which `minutes` of calling hours lie before `until` (walking back in 5-minute steps), so a
 * batch started there is part done, part still to come, at `until`.
 */
function callingTimeBefore(clinic: HistoryClinic, days: ClinicDay[], until: number, minutes: number): number | null {
  let left = minutes;
  for (const day of [...days].reverse()) {
    const start = at(clinic, day.date, clinic.callingWindowStart);
    const end = Math.min(at(clinic, day.date, clinic.callingWindowEnd), until);
    if (end <= start) continue;
    const inDay = (end - start) / MINUTE;
    if (inDay >= left) return end - left * MINUTE;
    left -= inDay;
  }
  return null;
}

export function planHistory(clinic: HistoryClinic, options: { until: number; seed: number; days?: number }): HistoryPlan {
  const random = mulberry32(options.seed);
  const { until } = options;
  const days = openDays(clinic, until, options.days ?? 14);
  const events: HistoryEvent[] = [];
  const answers: Record<string, Answer[]> = {};
  const size = (n: number) => Math.max(2, Math.round(n * clinic.scale));
  const pool = shuffle(random, clinic.contacts);
  const take = (n: number) => pool.splice(0, Math.min(n, pool.length));
  const window = { start: clinic.callingWindowStart, end: clinic.callingWindowEnd };

  // A finished recall batch early in the fortnight, a reminder batch a week ago, and one running now.
  const batches: Array<{ day: ClinicDay | undefined; name: string; count: number; stagger: number; startMinute: number; answers: (i: number) => Answer[] }> = [
    {
      day: days[1] ?? days[0],
      name: "Recall: overdue check-ups",
      count: size(14),
      stagger: 17,
      startMinute: window.start + 7,
      // Two patients never pick up (the batch ends with them FAILED after every attempt); one needs a nurse.
      answers: (i) => (i < 2 ? [...NEVER_PICKS_UP] : i === 2 ? ["escalated", ...script(random, LATER_ANSWER).slice(1)] : script(random, FIRST_ANSWER)),
    },
    {
      // The first open day of the last seven.
      day: days.find((day) => at(clinic, day.date, 0) >= until - 7 * 86_400_000),
      name: "Flu vaccine reminders",
      count: size(12),
      stagger: 21,
      startMinute: window.start + 40,
      answers: (i) => (i === 0 ? ["escalated", ...script(random, LATER_ANSWER).slice(1)] : script(random, FIRST_ANSWER)),
    },
  ];
  for (const batch of batches) {
    if (!batch.day) continue;
    const contacts = take(batch.count);
    contacts.forEach((contact, i) => (answers[contact.phoneNumber] = batch.answers(i)));
    const start = at(clinic, batch.day.date, batch.startMinute);
    events.push({ kind: "batch", at: start - 35 * MINUTE, start, name: batch.name, contactIds: contacts.map((c) => c.id), staggerMinutes: batch.stagger });
  }
  const runningStart = callingTimeBefore(clinic, days, until, 120);
  if (runningStart !== null && runningStart > (events[0]?.at ?? 0) + 86_400_000) {
    const contacts = take(size(10));
    for (const contact of contacts) answers[contact.phoneNumber] = script(random, PICKS_UP);
    events.push({
      kind: "batch",
      at: runningStart - 12 * MINUTE,
      start: runningStart,
      name: "Recall: six-monthly check-ups",
      contactIds: contacts.map((c) => c.id),
      staggerMinutes: 19,
    });
  }

  // "Call now" by staff on most days, and patients ringing the clinic inside its opening hours.
  const callNowPool = take(size(10));
  const callersPool = take(size(20));
  let newCaller = 0;
  for (const day of days) {
    if (callNowPool.length && random() < 0.6) {
      const contact = callNowPool.shift()!;
      answers[contact.phoneNumber] = script(random, FIRST_ANSWER);
      events.push({
        kind: "call_now",
        at: at(clinic, day.date, window.start + 60 + Math.floor(random() * (window.end - window.start - 120))),
        contactId: contact.id,
      });
    }
    const calls = Math.floor(random() * 2.5 * clinic.scale + 0.5);
    for (let n = 0; n < calls; n++) {
      const minute = day.open.start + 10 + Math.floor(random() * (day.open.end - day.open.start - 30));
      const outcome = pickWeighted(random, INBOUND);
      const known = callersPool.length > 0 && random() < 0.7 ? callersPool.shift()! : null;
      const from = known?.phoneNumber ?? `${clinic.unknownPrefix}${String(100 + newCaller).padStart(3, "0")}`;
      // A caller who asked for a call back is dialed later: they pick up and book.
      answers[from] ??= ["appointment_booked", "not_interested", "appointment_booked", "appointment_booked"];
      events.push({ kind: "inbound", at: at(clinic, day.date, minute), from, outcome, ...(known ? {} : { name: pickOne(random, NEW_CALLERS) }) });
      if (!known) newCaller += 1;
    }
  }
  // At least one patient who needed a clinician, in the calls that came in too.
  const inbound = events.filter((event): event is Extract<HistoryEvent, { kind: "inbound" }> => event.kind === "inbound" && event.at <= until);
  if (inbound.length > 2 && !inbound.some((event) => event.outcome === "escalated")) inbound[Math.floor(inbound.length / 2)]!.outcome = "escalated";

  return { events: events.filter((event) => event.at <= until).sort((a, b) => a.at - b.at), answers };
}
