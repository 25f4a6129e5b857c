import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

const ACTION_LABELS: Record<string, string> = {
  SETTINGS_UPDATED: "Voice agent changed",
  CALLING_RULES_UPDATED: "Calling rules changed",
  MEMBER_INVITED: "Member invited",
  INVITATION_REVOKED: "Invitation withdrawn",
  INVITATION_ACCEPTED: "Invitation accepted",
  MEMBER_ROLE_CHANGED: "Role changed",
  MEMBER_REMOVED: "Member removed",
  MEMBER_LEFT: "Member left",
  AGENT_REGISTERED: "Agent added",
  AGENT_REMOVED: "Agent removed",
  AGENT_TOKEN_GENERATED: "Agent token replaced",
  CONFIGURATION_CHECKED: "Configuration checked",
  TEST_CALL_PLACED: "Test call placed",
  CALL_TRANSCRIPT_VIEWED: "Transcript viewed",
};

export interface AuditRow {
  id: string;
  action: string;
  actorEmail: string | null;
  targetType: string | null;
  targetId: string | null;
  before: unknown;
  after: unknown;
  createdAt: Date;
}

function describeChange(before: unknown, after: unknown): string {
  const b = (before && typeof before === "object" ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === "object" ? after : {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys
    .map((key) =>
      key in b && key in a
        ? `${key}: ${JSON.stringify(b[key])} → ${JSON.stringify(a[key])}`
        : key in a
          ? `${key}: ${JSON.stringify(a[key])}`
          : `${key} was ${JSON.stringify(b[key])}`,
    )
    .join("; ");
}

/**
 * The audit log for admins, newest first, filtered by action and person through the URL (a plain GET
 * form: it works before hydration and the filter can be linked). Times in the clinic's zone.
 */
export function AuditLog({
  events,
  actions,
  actors,
  filter,
  nextHref,
  timeZone,
}: {
  events: AuditRow[];
  actions: string[];
  actors: { userId: string; email: string }[];
  filter: { action?: string; actorUserId?: string };
  nextHref: string | null;
  timeZone: string;
}) {
  const format = new Intl.DateTimeFormat("en-AU", { timeZone, dateStyle: "medium", timeStyle: "short" });
  return (
    <div className="space-y-4 px-5 py-4">
      <form method="get" action="/settings#audit-log" className="flex flex-wrap items-end gap-3">
        <div>
          <Label htmlFor="audit-action">What</Label>
          <Select id="audit-action" name="action" defaultValue={filter.action ?? ""} className="mt-1.5 w-56">
            <option value="">Everything</option>
            {actions.map((action) => (
              <option key={action} value={action}>
                {ACTION_LABELS[action] ?? action}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <Label htmlFor="audit-actor">Who</Label>
          <Select id="audit-actor" name="actor" defaultValue={filter.actorUserId ?? ""} className="mt-1.5 w-56">
            <option value="">Anyone</option>
            {actors.map((actor) => (
              <option key={actor.userId} value={actor.userId}>
                {actor.email}
              </option>
            ))}
          </Select>
        </div>
        <Button type="submit" variant="outline">
          Filter
        </Button>
      </form>
      {events.length === 0 ? (
        <p className="text-sm text-zinc-600">
          Nothing recorded{filter.action || filter.actorUserId ? " for this filter" : " yet"}. Changes to settings, members and tokens appear here.
        </p>
      ) : (
        <Table aria-label="Audit log" containerClassName="max-h-[28rem]" containerProps={{ tabIndex: 0, role: "region", "aria-label": "Audit log (scrolls)" }}>
          <TableHeader>
            <TableRow>
              <TableHead>When ({timeZone.replaceAll("_", " ")})</TableHead>
              <TableHead>Who</TableHead>
              <TableHead>What</TableHead>
              <TableHead>Change</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {events.map((event) => (
              <TableRow key={event.id}>
                <TableCell className="whitespace-nowrap tabular-nums" title={event.createdAt.toISOString()}>
                  {format.format(event.createdAt)}
                </TableCell>
                <TableCell>{event.actorEmail ?? "Callboard"}</TableCell>
                <TableCell>{ACTION_LABELS[event.action] ?? event.action}</TableCell>
                <TableCell className="max-w-md font-mono text-xs break-words text-zinc-600">{describeChange(event.before, event.after)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {nextHref ? (
        <Link href={nextHref} className="text-sm font-medium text-brand-700 underline-offset-4 hover:underline">
          Older entries
        </Link>
      ) : null}
    </div>
  );
}
