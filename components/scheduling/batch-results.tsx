import type { BatchSummary } from "@/components/scheduling/batch-list";

const percent = (rate: number | null) => (rate === null ? "–" : `${Math.round(rate * 100)}%`);

/** Answered, booked and voicemail shares of a batch's finished calls, and why the others did not reach anyone. */
export function BatchResultsPanel({ results }: { results: BatchSummary["results"] }) {
  if (results.finished === 0) return null;
  return (
    <div className="text-xs text-zinc-600 tabular-nums" data-testid="batch-results">
      <p>
        Of {results.finished.toLocaleString("en")} finished: <strong className="font-medium text-zinc-900">{percent(results.answeredRate)}</strong> answered ·{" "}
        <strong className="font-medium text-zinc-900">{percent(results.bookedRate)}</strong> booked · {percent(results.voicemailRate)} voicemail
      </p>
      {results.failures.length > 0 ? (
        <p className="mt-0.5">
          Not reached: {results.failures.map((failure) => `${failure.count.toLocaleString("en")} ${failure.label.toLowerCase()}`).join(", ")}
        </p>
      ) : null}
    </div>
  );
}
