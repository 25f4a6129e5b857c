"use client";

import { useCallback, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Download, Plus, SearchX, Upload, Users } from "lucide-react";
import { Button, buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/dashboard/page-header";
import { ContactFormDialog } from "@/components/contacts/contact-form-dialog";
import { ContactsTable } from "@/components/contacts/contacts-table";
import { ContactsToolbar } from "@/components/contacts/contacts-toolbar";
import { DeleteContactDialog } from "@/components/contacts/delete-contact-dialog";
import { ImportDialog } from "@/components/contacts/import-dialog";
import { Pagination } from "@/components/contacts/pagination";
import { SelectedCount, SelectionBanner } from "@/components/contacts/selection-banner";
import { countText } from "@/components/contacts/count-text";
import { ContactSelectionProvider, type SelectableContact } from "@/components/contacts/selection-store";
import type { ContactRow, EditableContact } from "@/components/contacts/types";
import { contactsHref, type ContactsView } from "@/components/contacts/contacts-href";
import { ScheduleCallsButton } from "@/components/scheduling/schedule-calls-button";
import { CallBackDialog } from "@/components/callbacks/call-back-dialog";
import { CheckInDialog } from "@/components/check-ins/check-in-dialog";
import type { ScheduleDefaults } from "@/components/scheduling/schedule-calls-dialog";
import { pageDownloadHref } from "@/lib/http/page-download-href";
import { ExportCsvLink } from "@/components/downloads/export-csv-link";

export interface ContactsScreenProps {
  organization: {
    id: string;
    name: string;
    defaultCountry: string;
    timezone: string;
    locale: string;
    /** The clinic's default patient language. */ language: string;
  };
  rows: ContactRow[];
  /** Contacts matching the search (all of them without one). */
  total: number;
  /** More match than `total` (the count stops at CONTACT_COUNT_CAP): shown as "10,000+". */
  totalCapped: boolean;
  /** The clinic has made calls: show each contact's last one. */
  showLastCall: boolean;
  q: string;
  sort: ContactsView["sort"];
  pageNumber: number;
  pageSize: number;
  nextCursor: string | null;
  prevCursor: string | null;
  permissions: { write: boolean; import: boolean };
  /** What the schedule dialog starts from; null when this member may not schedule calls. */
  scheduling: ScheduleDefaults | null;
}

type Dialog =
  | { kind: "create" }
  | { kind: "edit"; contact: EditableContact }
  | { kind: "delete"; contact: SelectableContact }
  | { kind: "import" }
  | { kind: "callback" | "check-in"; contact: { id: string; name: string } }
  | null;

/** /contacts in the browser: search, sort, pages, selection and the dialogs, over rows the server rendered. */
export function ContactsScreen(props: ContactsScreenProps) {
  const { organization, rows, total, totalCapped, q, sort, permissions } = props;
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [dialog, setDialog] = useState<Dialog>(null);

  const navigate = useCallback(
    (view: Partial<ContactsView>, options: { replace?: boolean } = {}) => {
      const href = contactsHref({ q, sort, ...view });
      startTransition(() => (options.replace ? router.replace(href, { scroll: false }) : router.push(href, { scroll: false })));
    },
    [q, sort, router],
  );
  const refresh = useCallback(() => startTransition(() => router.refresh()), [router]);
  const closeDialog = useCallback(() => setDialog(null), []);
  const zone = { timeZone: organization.timezone, locale: organization.locale };

  // Names the clinic this page shows: a link cannot send the header tenantFetch does.
  const exportHref = pageDownloadHref(`/api/contacts/export?${new URLSearchParams({ ...(q ? { q } : {}), sort })}`, organization.id);
  const noContactsAtAll = total === 0 && !q;
  const description = noContactsAtAll
    ? `The patients ${organization.name} can call.`
    : q
      ? `${countText(total, totalCapped)} ${total === 1 && !totalCapped ? "contact matches" : "contacts match"} “${q}”.`
      : `${countText(total, totalCapped)} ${total === 1 && !totalCapped ? "patient" : "patients"} ${organization.name} can call.`;

  return (
    <ContactSelectionProvider>
      <PageHeader
        title={
          <>
            Contacts <SelectedCount />
          </>
        }
        description={description}
        actions={
          <div className="flex flex-wrap items-center gap-2">
            {props.scheduling ? (
              <ScheduleCallsButton zone={{ timeZone: organization.timezone, locale: organization.locale }} defaults={props.scheduling} onScheduled={refresh} />
            ) : null}
            {noContactsAtAll ? null : (
              <ExportCsvLink
                href={exportHref}
                what="Contacts"
                className={buttonVariants({ variant: "outline" })}
                title="Download the contacts shown (the current search) as a CSV file"
              >
                <Download aria-hidden="true" />
                Export CSV
              </ExportCsvLink>
            )}
            {permissions.import ? (
              <Button variant="outline" onClick={() => setDialog({ kind: "import" })}>
                <Upload aria-hidden="true" />
                Import CSV
              </Button>
            ) : null}
            {permissions.write ? (
              <Button onClick={() => setDialog({ kind: "create" })}>
                <Plus aria-hidden="true" />
                New contact
              </Button>
            ) : null}
          </div>
        }
      />

      {noContactsAtAll ? (
        <EmptyState
          icon={Users}
          title="No contacts yet"
          action={
            <>
              {permissions.import ? (
                <Button onClick={() => setDialog({ kind: "import" })}>
                  <Upload aria-hidden="true" />
                  Import a CSV file
                </Button>
              ) : null}
              {permissions.write ? (
                <Button variant="outline" onClick={() => setDialog({ kind: "create" })}>
                  <Plus aria-hidden="true" />
                  Add one contact
                </Button>
              ) : null}
            </>
          }
        >
          <p>
            Import your patient list from a spreadsheet saved as CSV (a column for the name and one for the phone number is all it needs), or add patients one
            at a time. Local numbers are read as {organization.defaultCountry} numbers.
          </p>
        </EmptyState>
      ) : (
        <>
          <ContactsToolbar
            q={q}
            sort={sort}
            pending={pending}
            onSearch={(value) => navigate({ q: value, cursor: undefined, page: undefined }, { replace: true })}
            onSort={(value) => navigate({ sort: value, cursor: undefined, page: undefined })}
          />
          <SelectionBanner rows={rows} total={total} totalCapped={totalCapped} q={q} />
          {rows.length === 0 ? (
            <EmptyState
              icon={SearchX}
              title={q ? `No contacts match “${q}”` : "Nothing on this page"}
              action={
                <Button variant="outline" onClick={() => navigate({ q: "", cursor: undefined, page: undefined })}>
                  {q ? "Clear the search" : "Back to the first page"}
                </Button>
              }
            >
              <p>Search looks in names, phone numbers, emails and business names. Try part of a name, or the last digits of a number.</p>
            </EmptyState>
          ) : (
            <ContactsTable
              rows={rows}
              pending={pending}
              canWrite={permissions.write}
              showLastCall={props.showLastCall}
              onEdit={(contact) => setDialog({ kind: "edit", contact })}
              onDelete={(contact) => setDialog({ kind: "delete", contact })}
              onFollowUp={props.scheduling ? (kind, contact) => setDialog({ kind, contact }) : undefined}
            />
          )}
          <Pagination
            pageNumber={props.pageNumber}
            pageSize={props.pageSize}
            shown={rows.length}
            total={total}
            totalCapped={totalCapped}
            pending={pending}
            onPrevious={props.prevCursor ? () => navigate({ cursor: props.prevCursor!, page: props.pageNumber - 1 }) : undefined}
            onNext={props.nextCursor ? () => navigate({ cursor: props.nextCursor!, page: props.pageNumber + 1 }) : undefined}
          />
        </>
      )}

      {dialog?.kind === "create" || dialog?.kind === "edit" ? (
        <ContactFormDialog
          key={dialog.kind === "edit" ? dialog.contact.id : "new"}
          contact={dialog.kind === "edit" ? dialog.contact : null}
          country={organization.defaultCountry}
          clinicTimezone={organization.timezone}
          clinicLanguage={organization.language}
          onClose={closeDialog}
          onSaved={refresh}
          onOpenExisting={(contact) => setDialog({ kind: "edit", contact })}
          onDelete={(contact) => setDialog({ kind: "delete", contact })}
        />
      ) : null}
      {dialog?.kind === "delete" ? <DeleteContactDialog contact={dialog.contact} onClose={closeDialog} onDeleted={refresh} /> : null}
      {dialog?.kind === "import" ? <ImportDialog onClose={closeDialog} onImported={refresh} /> : null}
      {dialog?.kind === "callback" ? (
        <CallBackDialog target={{ contactId: dialog.contact.id, name: dialog.contact.name }} zone={zone} onClose={closeDialog} />
      ) : null}
      {dialog?.kind === "check-in" ? <CheckInDialog contact={dialog.contact} zone={zone} onClose={closeDialog} /> : null}
    </ContactSelectionProvider>
  );
}
