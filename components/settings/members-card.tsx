"use client";

import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { Badge } from "@/components/ui/badge";
import { Field } from "@/components/forms/field";
import { fieldErrorsOf } from "@/components/forms/problem";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { roleLabel } from "@/components/dashboard/role";
import { CopyButton } from "@/components/settings/copy-button";
import { sendJson } from "@/components/settings/send-json";
import { clinicDate, type ClinicZone } from "@/components/scheduling/clinic-time";

type Role = "OWNER" | "ADMIN" | "STAFF";

export interface MemberRow {
  id: string;
  userId: string;
  name: string;
  email: string;
  role: Role;
}

export interface InvitationRow {
  id: string;
  email: string;
  role: Role;
  expiresAt: string;
}

type Pending = { kind: "remove"; member: MemberRow } | { kind: "leave" } | null;

/**
 * Members and invitations. Managers change roles, remove people and invite by link (no mail server:
 * the link is shown once to copy). Only owners are offered the Owner role; everyone can leave.
 */
export function MembersCard({
  members,
  invitations,
  currentUserId,
  role,
  canManage,
  zone,
}: {
  members: MemberRow[];
  invitations: InvitationRow[];
  currentUserId: string;
  role: Role;
  canManage: boolean;
  /** The clinic's zone: the server and the browser must print the same date (hydration), so date-fns patterns, not Intl. */
  zone: ClinicZone;
}) {
  const router = useRouter();
  const [link, setLink] = useState<{ email: string; url: string } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [inviting, setInviting] = useState(false);
  const [pending, setPending] = useState<Pending>(null);
  const [busy, setBusy] = useState(false);
  const [confirmError, setConfirmError] = useState<string | null>(null);
  const roles: Role[] = role === "OWNER" ? ["OWNER", "ADMIN", "STAFF"] : ["ADMIN", "STAFF"];

  async function invite(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("inviteEmail") ?? "");
    setInviting(true);
    setErrors({});
    const result = await sendJson<{ link: string }>("/api/members/invitations", "POST", { email, role: form.get("inviteRole") });
    setInviting(false);
    if (!result.ok) {
      const fields = fieldErrorsOf(result.problem);
      setErrors({ inviteEmail: fields.email ?? "", inviteRole: fields.role ?? "" });
      toast.error("Invitation not created", { description: result.problem.detail });
      return;
    }
    setLink({ email, url: result.data.link });
    router.refresh();
  }

  async function changeRole(member: MemberRow, next: Role) {
    const result = await sendJson(`/api/members/${member.id}`, "PATCH", { role: next });
    if (!result.ok) toast.error("Role not changed", { description: result.problem.detail });
    else toast.success(`${member.name} is now ${roleLabel(next)}`);
    router.refresh();
  }

  async function revoke(invitation: InvitationRow) {
    const result = await sendJson(`/api/members/invitations/${invitation.id}`, "DELETE");
    if (!result.ok) toast.error("Invitation not withdrawn", { description: result.problem.detail });
    else toast.success(`Invitation for ${invitation.email} withdrawn`);
    router.refresh();
  }

  async function confirm() {
    if (!pending) return;
    setBusy(true);
    setConfirmError(null);
    const result = pending.kind === "remove" ? await sendJson(`/api/members/${pending.member.id}`, "DELETE") : await sendJson("/api/members/leave", "POST");
    setBusy(false);
    if (!result.ok) {
      setConfirmError(result.problem.detail ?? "That did not work. Try again.");
      return;
    }
    const left = pending.kind === "leave";
    setPending(null);
    if (left) {
      router.replace("/");
    } else {
      toast.success("Member removed");
    }
    router.refresh();
  }

  const mayTouch = (member: MemberRow) => canManage && member.userId !== currentUserId && (member.role !== "OWNER" || role === "OWNER");

  return (
    <div className="space-y-5 px-5 py-4">
      <Table aria-label="Members">
        <TableHeader>
          <TableRow>
            <TableHead>Name</TableHead>
            <TableHead>Email</TableHead>
            <TableHead>Role</TableHead>
            <TableHead className="text-right">
              <span className="sr-only">Actions</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {members.map((member) => (
            <TableRow key={member.id}>
              <TableCell className="font-medium text-zinc-900">
                {member.name} {member.userId === currentUserId ? <span className="text-zinc-500">(you)</span> : null}
              </TableCell>
              <TableCell>{member.email}</TableCell>
              <TableCell>
                {mayTouch(member) ? (
                  <Select
                    aria-label={`Role of ${member.name}`}
                    value={member.role}
                    onChange={(e) => void changeRole(member, e.target.value as Role)}
                    className="h-8 w-28"
                  >
                    {roles.map((r) => (
                      <option key={r} value={r}>
                        {roleLabel(r)}
                      </option>
                    ))}
                  </Select>
                ) : (
                  <Badge variant={member.role === "OWNER" ? "brand" : "neutral"}>{roleLabel(member.role)}</Badge>
                )}
              </TableCell>
              <TableCell className="text-right">
                {member.userId === currentUserId ? (
                  <Button variant="ghost" size="sm" onClick={() => setPending({ kind: "leave" })}>
                    Leave
                  </Button>
                ) : mayTouch(member) ? (
                  <Button variant="ghost" size="sm" onClick={() => setPending({ kind: "remove", member })}>
                    Remove
                  </Button>
                ) : null}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>

      {canManage ? (
        <>
          {invitations.length > 0 ? (
            <div>
              <h3 className="text-sm font-medium text-zinc-900">Waiting for an answer</h3>
              <ul className="mt-2 divide-y divide-zinc-100 rounded-lg border border-zinc-200">
                {invitations.map((invitation) => (
                  <li key={invitation.id} className="flex items-center justify-between gap-3 px-4 py-2 text-sm">
                    <span>
                      {invitation.email} · {roleLabel(invitation.role)}{" "}
                      <span className="text-zinc-500" title={new Date(invitation.expiresAt).toISOString()}>
                        (link expires {clinicDate(invitation.expiresAt, zone)})
                      </span>
                    </span>
                    <Button variant="ghost" size="sm" onClick={() => void revoke(invitation)} aria-label={`Withdraw the invitation for ${invitation.email}`}>
                      Withdraw
                    </Button>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}

          <form onSubmit={invite} method="post" className="grid gap-3 sm:grid-cols-[1fr_10rem_auto] sm:items-end" noValidate>
            <Field name="inviteEmail" label="Invite by email" error={errors.inviteEmail || undefined}>
              {(control) => <Input {...control} type="email" autoComplete="off" placeholder="name@clinic.example" required />}
            </Field>
            <Field name="inviteRole" label="Role" error={errors.inviteRole || undefined}>
              {(control) => (
                <Select {...control} defaultValue="STAFF">
                  {roles.map((r) => (
                    <option key={r} value={r}>
                      {roleLabel(r)}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <Button type="submit" loading={inviting}>
              Create invitation link
            </Button>
          </form>

          {link ? (
            <div role="status" className="space-y-2 rounded-lg border border-brand-200 bg-brand-50 px-4 py-3 text-sm">
              <p>
                Send this link to <span className="font-medium">{link.email}</span> yourself (Callboard sends no email). It works once, for 7 days, and is shown
                only now.
              </p>
              <div className="flex items-center gap-2">
                <Input aria-label="Invitation link" readOnly value={link.url} className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
                <CopyButton value={link.url} label="Copy link" />
              </div>
            </div>
          ) : null}
        </>
      ) : null}

      <ConfirmDialog
        open={pending !== null}
        onOpenChange={(open) => {
          if (!open) {
            setPending(null);
            setConfirmError(null);
          }
        }}
        title={pending?.kind === "remove" ? `Remove ${pending.member.name}?` : "Leave this organization?"}
        description={
          pending?.kind === "remove"
            ? "They lose access at once. Their account stays, and they can be invited again."
            : "You lose access at once. Someone has to invite you to come back."
        }
        confirmLabel={pending?.kind === "remove" ? "Remove member" : "Leave organization"}
        cancelLabel="Cancel"
        busy={busy}
        error={confirmError}
        onConfirm={() => void confirm()}
      />
    </div>
  );
}
