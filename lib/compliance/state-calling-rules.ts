import { legalWindow, type WeeklyWindow } from "@/lib/scheduling/calling-window";

/** A US state whose law is stricter than the federal 08:00–21:00 for calls like the clinic's. */
export interface StateCallingRule {
  state: "Florida" | "Oklahoma";
  /** Minutes after the recipient's local midnight, [start, end). */
  startMinute: number;
  endMinute: number;
  /** Calls to one number in any 24 hours. */
  maxCallsPer24Hours: number;
  source: string;
}

const FLORIDA: StateCallingRule = { state: "Florida", startMinute: 8 * 60, endMinute: 20 * 60, maxCallsPer24Hours: 3, source: "Fla. Stat. §501.616(6)" };
const OKLAHOMA: StateCallingRule = {
  state: "Oklahoma",
  startMinute: 8 * 60,
  endMinute: 20 * 60,
  maxCallsPer24Hours: 3,
  source: "15 O.S. §775C.4 (Oklahoma Telephone Solicitation Act of 2022)",
};

/**
 * Area codes of each state, from NANPA's area-code assignments (nationalnanpa.com, as of 2025, overlays
 * included), cross-checked against Google libphonenumber's geocoding data (which places every prefix of
 * these codes in that state). Oklahoma's law presumes an Oklahoma area code is an Oklahoma resident; a
 * Florida code is treated the same way, since Callboard knows no patient's state otherwise.
 */
const AREA_CODES: ReadonlyMap<string, StateCallingRule> = new Map([
  ...[
    "239",
    "305",
    "321",
    "324",
    "352",
    "386",
    "407",
    "448",
    "561",
    "645",
    "656",
    "689",
    "727",
    "728",
    "754",
    "772",
    "786",
    "813",
    "850",
    "863",
    "904",
    "941",
    "954",
  ].map((code) => [code, FLORIDA] as const),
  ...["405", "539", "572", "580", "918"].map((code) => [code, OKLAHOMA] as const),
]);

/** The state rule a North American number falls under by its area code, or null. */
export function stateRuleFor(e164: string): StateCallingRule | null {
  const match = /^\+1(\d{3})\d{7}$/.exec(e164);
  return match ? (AREA_CODES.get(match[1]!) ?? null) : null;
}

/** The recipient's legal hours in their own zone: 08:00–21:00, narrowed by their state's rule. */
export function recipientLegalWindow(zone: string, e164: string | null | undefined): WeeklyWindow {
  const window = legalWindow(zone);
  const rule = e164 ? stateRuleFor(e164) : null;
  return rule ? { ...window, startMinute: Math.max(window.startMinute, rule.startMinute), endMinute: Math.min(window.endMinute, rule.endMinute) } : window;
}
