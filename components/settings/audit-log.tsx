import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { auditActionLabel, describeAuditChange } from "@/components/settings/audit-words";

export interface AuditRow {
  id: string;
  action: string;
  actorEmail: string | null;
  targetType: string | null;
  targetId: string | null;
  before: unknown;
  after: unknown;
  data: unknown;
  createdAt: Date;
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
                {auditActionLabel(action)}
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
                <TableCell>{auditActionLabel(event.action)}</TableCell>
                <TableCell className="max-w-md font-mono text-xs wrap-anywhere text-zinc-600">
                  {describeAuditChange(event, (at) => format.format(at))}
                </TableCell>
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
