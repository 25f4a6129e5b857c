"use client";

import Link from "next/link";
import { CalendarClock, HeartPulse, MoreHorizontal, Pencil, PhoneForwarded, Trash2 } from "lucide-react";
import { schedulingHref } from "@/components/scheduling/scheduling-href";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cn } from "@/components/ui/cn";
import { CallButton } from "@/components/calls/call-button";
import { isContactSelected, useContactSelection, type SelectableContact } from "@/components/contacts/selection-store";
import type { ContactRow, EditableContact } from "@/components/contacts/types";
import { languageLabel } from "@/lib/language/supported-languages";
import { consentRefusal } from "@/lib/compliance/consent";

/** The actions column stays in view when the table scrolls sideways on a narrow screen. */
const STICKY_END = "sticky right-0 shadow-[inset_1px_0_0] shadow-zinc-100";

const TONE_VARIANT = { neutral: "neutral", success: "success", warning: "warning", danger: "danger" } as const;

function CustomFieldsSummary({ fields }: { fields: Record<string, string> }) {
  const entries = Object.entries(fields);
  if (entries.length === 0) return <span className="text-zinc-500">—</span>;
  const shown = entries.slice(0, 1);
  const all = entries.map(([key, value]) => `${key}: ${value}`).join("\n");
  return (
    <div className="flex max-w-44 items-center gap-1.5" title={all}>
      {shown.map(([key, value]) => (
        <span key={key} className="inline-flex min-w-0 items-center gap-1 truncate rounded bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-700">
          <span className="font-mono text-[11px] text-zinc-600">{key}</span>
          <span className="truncate">{value}</span>
        </span>
      ))}
      {entries.length > shown.length ? <span className="shrink-0 text-xs whitespace-nowrap text-zinc-600">+{entries.length - shown.length} more</span> : null}
    </div>
  );
}

function RowCheckbox({ row }: { row: ContactRow }) {
  const selected = useContactSelection((state) => isContactSelected(state, row));
  const setSelected = useContactSelection((state) => state.setSelected);
  return <Checkbox checked={selected} onChange={(event) => setSelected([row], event.target.checked)} aria-label={`Select ${row.name}`} />;
}

function HeaderCheckbox({ rows }: { rows: ContactRow[] }) {
  const selectedOnPage = useContactSelection((state) => rows.filter((row) => isContactSelected(state, row)).length);
  const setSelected = useContactSelection((state) => state.setSelected);
  const all = selectedOnPage === rows.length && rows.length > 0;
  return (
    <Checkbox
      checked={all}
      indeterminate={selectedOnPage > 0 && !all}
      onChange={() => setSelected(rows, !all)}
      aria-label={all ? "Unselect the contacts on this page" : "Select the contacts on this page"}
    />
  );
}

const CONSENT_LABELS: Record<string, string> = { CARE_REMINDERS: "care reminders", MARKETING: "marketing", NONE: "none" };

/** "Consent: care reminders": what the patient agreed to be called about, in plain words. */
function consentWords(row: ContactRow): string {
  return row.consentBasis ? `Consent: ${CONSENT_LABELS[row.consentBasis] ?? row.consentBasis}` : "Consent not recorded";
}

/** Consent recorded as none: Call, Call back and Check-in are off (the server refuses them too). */
const agreedToNoCalls = (row: ContactRow) => consentRefusal(row.consentBasis) !== null;

function consentTitle(row: ContactRow): string | undefined {
  const parts = [row.consentSource, row.consentDate].filter(Boolean);
  return parts.length ? parts.join(", ") : undefined;
}

function editable(row: ContactRow): EditableContact {
  const {
    id,
    name,
    phoneNumber,
    phoneDisplay,
    email,
    businessName,
    businessWebsite,
    timezone,
    language,
    doNotCall,
    doNotCallReason,
    consentBasis,
    consentSource,
    consentDate,
    customFields,
  } = row;
  return {
    id,
    name,
    phoneNumber,
    phoneDisplay,
    email,
    businessName,
    businessWebsite,
    timezone,
    language,
    doNotCall,
    doNotCallReason,
    consentBasis,
    consentSource,
    consentDate,
    customFields,
  };
}

/**
 * The page of contacts: a checkbox per row and in the header, a green Call button per row, edit and
 * delete in a menu. The email shares the name's cell, so the table fits a laptop screen.
 */
export function ContactsTable({
  rows,
  pending,
  canWrite,
  showLastCall,
  onEdit,
  onDelete,
  onFollowUp,
}: {
  rows: ContactRow[];
  pending: boolean;
  canWrite: boolean;
  /** The column appears once the clinic has made calls. */
  showLastCall: boolean;
  onEdit: (contact: EditableContact) => void;
  onDelete: (contact: SelectableContact) => void;
  /** "Call back…" and "Check-in…" (members who may schedule calls). */
  onFollowUp?: (kind: "callback" | "check-in", contact: ContactRow) => void;
}) {
  return (
    <Table
      containerClassName={cn("max-h-[calc(100dvh-19rem)] transition-opacity", pending && "opacity-60")}
      aria-busy={pending || undefined}
      aria-label="Contacts"
    >
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead className="w-10 pr-0">
            <HeaderCheckbox rows={rows} />
          </TableHead>
          <TableHead className="whitespace-nowrap">Name & email</TableHead>
          <TableHead className="whitespace-nowrap">Phone</TableHead>
          <TableHead className="whitespace-nowrap">Business</TableHead>
          <TableHead className="whitespace-nowrap">Custom fields</TableHead>
          {showLastCall ? <TableHead className="whitespace-nowrap">Last call</TableHead> : null}
          <TableHead className={cn(STICKY_END, "bg-zinc-50 text-right")}>
            <span className="sr-only">Actions</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.id} data-testid="contact-row" className="group">
            <TableCell className="w-10 pr-0">
              <RowCheckbox row={row} />
            </TableCell>
            <TableCell>
              <div className="flex max-w-56 items-center gap-2">
                {canWrite ? (
                  <button
                    type="button"
                    onClick={() => onEdit(editable(row))}
                    className="truncate rounded-sm text-left font-medium text-zinc-900 hover:text-brand-700 hover:underline"
                    title={`Edit ${row.name}`}
                  >
                    {row.name}
                  </button>
                ) : (
                  <span className="truncate font-medium text-zinc-900">{row.name}</span>
                )}
                {row.doNotCall ? (
                  <Badge variant="danger" className="shrink-0" title={row.doNotCallReason ?? "Marked do not call"}>
                    Do not call
                  </Badge>
                ) : null}
              </div>
              {row.email || row.timezone || row.language ? (
                <div className="mt-0.5 max-w-56 truncate text-xs text-zinc-500" title={row.email ?? undefined}>
                  {[row.email, row.timezone?.replaceAll("_", " "), row.language ? languageLabel(row.language) : null].filter(Boolean).join(" · ")}
                </div>
              ) : null}
              <div className="mt-0.5 max-w-56 truncate text-xs text-zinc-500" title={consentTitle(row)}>
                {consentWords(row)}
              </div>
            </TableCell>
            <TableCell className="whitespace-nowrap tabular-nums" title={row.phoneNumber}>
              {row.phoneDisplay}
            </TableCell>
            <TableCell className="text-zinc-600" title={row.businessWebsite ?? row.businessName ?? undefined}>
              <div className="max-w-40 truncate">{row.businessName ?? <span className="text-zinc-500">—</span>}</div>
            </TableCell>
            <TableCell>
              <CustomFieldsSummary fields={row.customFields} />
            </TableCell>
            {showLastCall ? (
              <TableCell className="whitespace-nowrap">
                {row.lastCall ? (
                  <div className="flex flex-col items-start gap-0.5">
                    <Badge variant={TONE_VARIANT[row.lastCall.tone]}>{row.lastCall.label}</Badge>
                    <time dateTime={row.lastCall.at} className="text-xs text-zinc-500 tabular-nums">
                      {row.lastCall.atLabel}
                    </time>
                  </div>
                ) : (
                  <span className="text-zinc-500">—</span>
                )}
              </TableCell>
            ) : null}
            <TableCell className={cn(STICKY_END, "bg-white whitespace-nowrap text-right group-hover:bg-zinc-50")}>
              <div className="flex items-center justify-end gap-1">
                <CallButton
                  contact={{ id: row.id, name: row.name, doNotCall: row.doNotCall, noConsent: agreedToNoCalls(row), phoneDisplay: row.phoneDisplay }}
                />
                {canWrite || onFollowUp ? (
                  <DropdownMenu>
                    <DropdownMenuTrigger asChild>
                      <Button variant="ghost" size="icon" className="size-8" aria-label={`More actions for ${row.name}`}>
                        <MoreHorizontal aria-hidden="true" />
                      </Button>
                    </DropdownMenuTrigger>
                    <DropdownMenuContent className="min-w-40">
                      {onFollowUp ? (
                        <>
                          <DropdownMenuItem disabled={row.doNotCall || agreedToNoCalls(row)} onSelect={() => onFollowUp("callback", row)}>
                            <PhoneForwarded aria-hidden="true" />
                            Call back…
                          </DropdownMenuItem>
                          <DropdownMenuItem disabled={row.doNotCall || agreedToNoCalls(row)} onSelect={() => onFollowUp("check-in", row)}>
                            <HeartPulse aria-hidden="true" />
                            Check-in…
                          </DropdownMenuItem>
                          <DropdownMenuItem asChild>
                            <Link href={schedulingHref({ contact: row.id })}>
                              <CalendarClock aria-hidden="true" />
                              Their scheduled calls
                            </Link>
                          </DropdownMenuItem>
                          {canWrite ? <DropdownMenuSeparator /> : null}
                        </>
                      ) : null}
                      {canWrite ? (
                        <>
                          <DropdownMenuItem onSelect={() => onEdit(editable(row))}>
                            <Pencil aria-hidden="true" />
                            Edit
                          </DropdownMenuItem>
                          <DropdownMenuSeparator />
                          <DropdownMenuItem
                            className="text-red-700 data-[highlighted]:bg-red-50 data-[highlighted]:text-red-800"
                            onSelect={() => onDelete(row)}
                          >
                            <Trash2 aria-hidden="true" />
                            Delete
                          </DropdownMenuItem>
                        </>
                      ) : null}
                    </DropdownMenuContent>
                  </DropdownMenu>
                ) : null}
              </div>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
