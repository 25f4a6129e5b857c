import { Badge } from "@/components/ui/badge";

type Variant = "neutral" | "brand" | "success" | "warning" | "danger";

const OUTCOME_LOOK: Record<string, { label: string; variant: Variant }> = {
  resolved: { label: "Resolved", variant: "success" },
  escalated: { label: "Escalated", variant: "warning" },
  callback: { label: "Callback", variant: "brand" },
  voicemail: { label: "Voicemail", variant: "neutral" },
  no_answer: { label: "No answer", variant: "neutral" },
  busy: { label: "Busy", variant: "neutral" },
  failed: { label: "Failed", variant: "danger" },
};

const SENTIMENT_LOOK: Record<string, { label: string; variant: Variant }> = {
  positive: { label: "Positive", variant: "success" },
  neutral: { label: "Neutral", variant: "neutral" },
  negative: { label: "Negative", variant: "danger" },
};

/** "not_interested" → "Not interested": a word we do not know is shown as it came, readably. */
export function words(value: string): string {
  const text = value.replaceAll("_", " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function OutcomeBadge({ outcome, intent }: { outcome: string | null; intent?: string | null }) {
  if (!outcome) return <span className="text-zinc-400">—</span>;
  const look = OUTCOME_LOOK[outcome] ?? { label: words(outcome), variant: "neutral" as const };
  const booked = outcome === "resolved" && intent === "scheduling";
  return <Badge variant={look.variant}>{booked ? "Booked" : look.label}</Badge>;
}

export function SentimentBadge({ sentiment }: { sentiment: string | null }) {
  if (!sentiment) return null;
  const look = SENTIMENT_LOOK[sentiment] ?? { label: words(sentiment), variant: "neutral" as const };
  return (
    <Badge variant={look.variant} className="font-normal">
      <span className="sr-only">Sentiment: </span>
      {look.label}
    </Badge>
  );
}

/** "2:05" (minutes:seconds), "1:02:05" past an hour; "—" when the call has no duration yet. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return "—";
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

export const OUTCOME_CHOICES = Object.entries(OUTCOME_LOOK).map(([value, look]) => ({ value, label: look.label }));
