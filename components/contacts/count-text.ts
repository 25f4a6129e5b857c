/** A contact count as the page shows it: "1,234", or "10,000+" when the count stopped at its cap. */
export function countText(total: number, capped: boolean): string {
  return `${total.toLocaleString("en")}${capped ? "+" : ""}`;
}
