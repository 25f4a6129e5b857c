import Link from "next/link";
import { Download, Search } from "lucide-react";
import { Button, buttonVariants } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { OUTCOME_CHOICES } from "@/components/calls/call-look";
import { callsHref } from "@/components/calls/calls-href";
import { MAX_SEARCH_LENGTH } from "@/lib/calls/history/schemas";
import { pageDownloadHref } from "@/lib/http/page-download-href";
import { ExportCsvLink } from "@/components/downloads/export-csv-link";

/**
 * The call history's filters as a plain GET form: the filter lives in the URL (Back, links and
 * reloads keep it) and works before any script has loaded. Raw values are echoed back as typed, so a
 * rejected filter can be corrected in place.
 */
export function CallFiltersForm({
  organizationId,
  values,
  contactName,
  zoneLabel,
}: {
  /** The clinic the page shows: the export link names it (a link cannot send the header tenantFetch does). */
  organizationId: string;
  values: Record<string, string | undefined>;
  contactName?: string | null;
  zoneLabel: string;
}) {
  const filtered = Object.entries(values).some(([key, value]) => key !== "cursor" && value);
  return (
    <form method="get" action="/calls" role="search" aria-label="Filter calls" className="mb-4 rounded-lg border border-zinc-200 bg-white p-4">
      {values.contactId ? <input type="hidden" name="contactId" value={values.contactId} /> : null}
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[minmax(12rem,2fr)_repeat(5,minmax(0,1fr))]">
        <div>
          <Label htmlFor="calls-q">Search summaries and transcripts</Label>
          <div className="relative mt-1">
            <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-zinc-400" aria-hidden="true" />
            <Input
              id="calls-q"
              name="q"
              type="search"
              defaultValue={values.q ?? ""}
              maxLength={MAX_SEARCH_LENGTH}
              placeholder="e.g. reschedule"
              className="pl-9"
            />
          </div>
        </div>
        <div>
          <Label htmlFor="calls-from">From ({zoneLabel})</Label>
          <Input id="calls-from" name="from" type="date" defaultValue={values.from ?? ""} className="mt-1" />
        </div>
        <div>
          <Label htmlFor="calls-to">To</Label>
          <Input id="calls-to" name="to" type="date" defaultValue={values.to ?? ""} className="mt-1" />
        </div>
        <div>
          <Label htmlFor="calls-outcome">Outcome</Label>
          <div className="mt-1">
            <Select id="calls-outcome" name="outcome" defaultValue={values.outcome ?? ""}>
              <option value="">Any outcome</option>
              {OUTCOME_CHOICES.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choice.label}
                </option>
              ))}
            </Select>
          </div>
        </div>
        <div>
          <Label htmlFor="calls-status">Status</Label>
          <div className="mt-1">
            <Select id="calls-status" name="status" defaultValue={values.status ?? ""}>
              <option value="">Any status</option>
              <option value="INITIATED">Ringing</option>
              <option value="IN_PROGRESS">In progress</option>
              <option value="COMPLETED">Completed</option>
              <option value="FAILED">Failed</option>
            </Select>
          </div>
        </div>
        <div>
          <Label htmlFor="calls-direction">Direction</Label>
          <div className="mt-1">
            <Select id="calls-direction" name="direction" defaultValue={values.direction ?? ""}>
              <option value="">Both</option>
              <option value="OUTBOUND">Outbound</option>
              <option value="INBOUND">Inbound</option>
            </Select>
          </div>
        </div>
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <Button type="submit" size="sm">
          Apply filters
        </Button>
        {filtered ? (
          <Link href="/calls" className={buttonVariants({ variant: "outline", size: "sm" })}>
            Clear filters
          </Link>
        ) : null}
        {values.contactId ? <span className="text-sm text-zinc-600">Only calls with {contactName ?? "one contact"}.</span> : null}
        <ExportCsvLink
          href={pageDownloadHref(callsHref(values, "/api/calls/export"), organizationId)}
          what="Calls"
          className={buttonVariants({ variant: "ghost", size: "sm", className: "ml-auto" })}
        >
          <Download aria-hidden="true" />
          Export CSV
        </ExportCsvLink>
      </div>
    </form>
  );
}
