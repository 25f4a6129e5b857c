"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { CallsOnDay, DaySeries } from "@/lib/calls/calls-per-day";

// Colours that stay apart for the common colour-vision deficiencies, in the order outcomes matter.
const SERIES: Array<{ key: DaySeries; label: string; color: string }> = [
  { key: "resolved", label: "Resolved", color: "#059669" },
  { key: "callback", label: "Callback", color: "#2563eb" },
  { key: "escalated", label: "Escalated", color: "#d97706" },
  { key: "voicemail", label: "Voicemail", color: "#7c3aed" },
  { key: "not_reached", label: "Not reached", color: "#a1a1aa" },
  { key: "other", label: "Other", color: "#52525b" },
  { key: "in_progress", label: "In progress", color: "#93c5fd" },
];

/**
 * Calls per clinic day for the last 14 days, stacked by outcome. The chart is drawn for sighted
 * users; the same numbers are in a table for screen readers (an SVG of bars reads as nothing), so the
 * chart is hidden from them and left out of the tab order (recharts would make it focusable).
 */
export function CallsPerDayChart({ days }: { days: Array<CallsOnDay & { label: string }> }) {
  const shown = SERIES.filter((series) => days.some((day) => day[series.key] > 0));
  return (
    <>
      <div className="h-64 w-full" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={days} margin={{ top: 8, right: 8, bottom: 0, left: -16 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e4e4e7" />
            <XAxis dataKey="label" tickLine={false} axisLine={false} fontSize={12} interval="preserveStartEnd" />
            <YAxis allowDecimals={false} tickLine={false} axisLine={false} fontSize={12} />
            <Tooltip cursor={{ fill: "#f4f4f5" }} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {shown.map((series) => (
              <Bar key={series.key} dataKey={series.key} name={series.label} stackId="calls" fill={series.color} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      {/* The wrapper hides it: a table box ignores overflow, so sr-only on the table itself would still widen the page. */}
      <div className="sr-only">
        <table>
          <caption>Calls per day by outcome, last 14 days</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              {SERIES.map((series) => (
                <th key={series.key} scope="col">
                  {series.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {days.map((day) => (
              <tr key={day.day}>
                <th scope="row">{day.label}</th>
                {SERIES.map((series) => (
                  <td key={series.key}>{day[series.key]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
