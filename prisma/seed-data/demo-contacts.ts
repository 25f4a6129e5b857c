import { mulberry32 } from "@/simulator/prng";

/**
 * Deterministic, realistic demo contacts. Phone numbers come from ranges reserved for fiction
 * (ACMA: (02) 5550 xxxx and (03) 7010 xxxx), so the demo can never ring a real person.
 */
const FIRST = [
  "Olivia",
  "Jack",
  "Charlotte",
  "Noah",
  "Amelia",
  "William",
  "Isla",
  "Oliver",
  "Mia",
  "Thomas",
  "Ava",
  "James",
  "Grace",
  "Lucas",
  "Chloe",
  "Henry",
  "Sophie",
  "Leo",
  "Ruby",
  "Ethan",
  "Harper",
  "Liam",
  "Zoe",
  "Samuel",
  "Ella",
  "Mason",
  "Matilda",
  "Archie",
  "Evie",
  "Hugo",
  "Priya",
  "Wei",
  "Aisha",
  "Mateo",
  "Hannah",
  "Kai",
  "Sienna",
  "Arjun",
  "Lily",
  "Daniel",
];
const LAST = [
  "Smith",
  "Jones",
  "Williams",
  "Brown",
  "Wilson",
  "Taylor",
  "Nguyen",
  "Johnson",
  "Martin",
  "White",
  "Anderson",
  "Walker",
  "Thompson",
  "Harris",
  "Lee",
  "Ryan",
  "Robinson",
  "Kelly",
  "King",
  "Davis",
  "Wright",
  "Evans",
  "Roberts",
  "Green",
  "Hall",
  "Wood",
  "Jackson",
  "Clarke",
  "Patel",
  "Chen",
  "Singh",
  "Murphy",
  "O'Brien",
  "Kumar",
  "Russo",
  "Papadopoulos",
];
const BUSINESSES = [
  "Bondi Surf Co",
  "Harbourside Accounting",
  "Newtown Bakery",
  "Coogee Dental Lab",
  "Parramatta Logistics",
  "Glebe Books",
  "Manly Ferries Cafe",
  "Marrickville Motors",
  "Surry Hills Studio",
  "Chatswood Pharmacy",
];
const APPOINTMENT_TYPES = [
  "annual check-up",
  "flu vaccination",
  "blood test results",
  "skin check",
  "physio follow-up",
  "diabetes review",
  "prescription renewal",
  "travel vaccination",
];
const DOCTORS = ["Dr Emily Carter", "Dr Raj Mehta", "Dr Sarah O'Neill", "Dr Michael Tan"];
const INSURERS = ["Medibank", "Bupa", "HCF", "nib", "Medicare only"];

export interface DemoContact {
  name: string;
  phoneNumber: string;
  email: string | null;
  businessName: string | null;
  businessWebsite: string | null;
  customFields: Record<string, string>;
  timezone: string | null;
  doNotCall: boolean;
  doNotCallReason: string | null;
}

export function demoContacts(count: number, seed: number, prefix: "+6125550" | "+6137010"): DemoContact[] {
  const random = mulberry32(seed); // the same demo data on every fresh database
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const first = pick(FIRST);
    const last = pick(LAST);
    const hasBusiness = random() < 0.3;
    const business = hasBusiness ? pick(BUSINESSES) : null;
    const visit = new Date(Date.UTC(2026, Math.floor(random() * 10), 1 + Math.floor(random() * 27)));
    const doNotCall = random() < 0.04;
    return {
      name: `${first} ${last}`,
      phoneNumber: `${prefix}${String(i).padStart(4, "0")}`,
      email: random() < 0.8 ? `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, "") + `${i}@example.com` : null,
      businessName: business,
      businessWebsite: business ? `https://${business.toLowerCase().replace(/[^a-z]+/g, "")}.example.com` : null,
      customFields: {
        appointment_type: pick(APPOINTMENT_TYPES),
        preferred_doctor: pick(DOCTORS),
        last_visit_date: visit.toISOString().slice(0, 10),
        health_fund: pick(INSURERS),
      },
      timezone: random() < 0.05 ? "Australia/Perth" : null,
      doNotCall,
      doNotCallReason: doNotCall ? "Asked not to be called" : null,
    };
  });
}
