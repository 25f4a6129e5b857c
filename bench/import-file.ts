/**
 * A CSV of `rows` patients (six columns, two of them custom fields), numbers from `base`; the names are
 * "<name> <i>", so a second file with another `name` updates every contact the first one created.
 */
export function importFile(rows: number, base: number, name = "Imported Patient"): Uint8Array {
  const lines = ["name,phone,email,business_name,appointment_type,preferred_doctor"];
  for (let i = 0; i < rows; i++) {
    lines.push(
      `${name} ${i},04${String(base + i)
        .padStart(8, "0")
        .slice(-8)},patient${i}@example.com,${i % 3 ? "" : "Glebe Books"},flu vaccination,Dr Tan`,
    );
  }
  return new TextEncoder().encode(lines.join("\n") + "\n");
}
