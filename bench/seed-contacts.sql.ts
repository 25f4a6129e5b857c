// SQL that fills an organization with realistic contacts fast (generate_series, one statement), so
// the bench measures reading and importing, not seeding.

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
  "Okafor",
  "Haddad",
  "Kowalski",
  "Fernandes",
  "Tanaka",
  "Novak",
  "Ivanova",
  "Schmidt",
  "Dubois",
  "Rossi",
  "Kaur",
  "Ali",
  "Hussain",
  "Costa",
];
const BUSINESS = [
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

const array = (items: string[]) => `ARRAY[${items.map((item) => `'${item.replaceAll("'", "''")}'`).join(",")}]`;

/**
 * `count` contacts for `organizationId` (a literal the caller controls): names drawn from 40 × 50
 * first/last names (so a surname matches ~2% of rows, like a real list), unique mobile numbers from
 * `phoneBase`, 80% with an email, 30% with a business, four custom fields, created over the last year.
 * `from` continues an earlier statement's series (contact number g runs from + 1 … from + count, its id
 * is 'bench' || md5(organizationId || g)), so a big clinic can be seeded in a few statements.
 */
export function seedContactsSql(organizationId: string, count: number, phoneBase: number, from = 0): string {
  // One contact in 25 is on the clinic's do-not-call list (its number, in the same statement).
  return `
    WITH src AS (
      SELECT g, 'bench' || md5('${organizationId}' || g) AS id, '+614' || lpad((${phoneBase} + g)::text, 8, '0') AS phone, f.first, l.last
        FROM generate_series(${from + 1}, ${from + count}) AS g
        CROSS JOIN LATERAL (SELECT (${array(FIRST)})[1 + (g::bigint * 7919) % ${FIRST.length}] AS first) f
        CROSS JOIN LATERAL (SELECT (${array(LAST)})[1 + (g::bigint * 104729 / 7) % ${LAST.length}] AS last) l
    ), contacts AS (
      INSERT INTO "Contact" ("id", "organizationId", "name", "phoneNumber", "email", "businessName", "customFields", "createdAt", "updatedAt")
      SELECT s.id, '${organizationId}',
             s.first || ' ' || s.last,
             s.phone,
             CASE WHEN s.g % 5 <> 0 THEN lower(s.first) || '.' || lower(replace(s.last, '''', '')) || s.g || '@example.com' END,
             CASE WHEN s.g % 10 < 3 THEN (${array(BUSINESS)})[1 + (s.g / 10) % ${BUSINESS.length}] END,
             jsonb_build_object('appointment_type', 'annual check-up', 'preferred_doctor', 'Dr Tan', 'health_fund', 'Bupa', 'last_visit_date', '2026-03-01'),
             now() - make_interval(secs => (s.g::bigint * 313) % 31536000),
             now()
        FROM src s
      RETURNING 1
    )
    INSERT INTO "DoNotCallEntry" ("id", "organizationId", "phoneNumber", "source", "createdAt")
    SELECT 'benchdnc' || md5('${organizationId}' || s.g), '${organizationId}', s.phone, 'STAFF', now() FROM src s WHERE s.g % 25 = 0
    ON CONFLICT ("organizationId", "phoneNumber") DO NOTHING`;
}
