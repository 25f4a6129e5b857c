"use client";

import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { UserPlus } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/forms/field";
import { FormAlert } from "@/components/auth/form-alert";
import { fieldErrorsOf, type Problem } from "@/components/forms/problem";
import { sendJson } from "@/components/settings/send-json";

interface Added {
  contact: { id: string; name: string };
  created: boolean;
  linkedCalls: number;
}

/**
 * "Add to contacts" on a call with no contact (a caller Callboard did not know): a name for the number,
 * and every call with that number joins the new contact.
 */
export function AddCallerButton({ callId, phoneNumber, suggestedName }: { callId: string; phoneNumber: string; suggestedName: string | null }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(suggestedName ?? "");
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<(Problem & { attempt: number }) | null>(null);
  const nameError = problem ? fieldErrorsOf(problem).name : undefined;

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setProblem(null);
    const result = await sendJson<Added>(`/api/calls/${encodeURIComponent(callId)}/contact`, "POST", { name });
    setSaving(false);
    if (!result.ok) {
      setProblem({ ...result.problem, attempt: Date.now() });
      return;
    }
    const { contact, created, linkedCalls } = result.data;
    const others = linkedCalls - 1;
    toast.success(created ? `${contact.name} added to contacts` : `Linked to ${contact.name}, who has this number`, {
      description:
        others > 0 ? `${others} other ${others === 1 ? "call" : "calls"} from this number ${others === 1 ? "is" : "are"} now theirs too.` : undefined,
    });
    setOpen(false);
    router.refresh();
  }

  return (
    <>
      <Button variant="outline" size="sm" onClick={() => setOpen(true)}>
        <UserPlus aria-hidden="true" />
        Add to contacts
      </Button>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogContent className="sm:max-w-md">
          <DialogHeader>
            <DialogTitle>Add the caller to contacts</DialogTitle>
            <DialogDescription>
              Saves <span className="tabular-nums">{phoneNumber}</span> as a contact; other calls from this number join it. If a contact already has the number,
              the call joins that contact instead.
            </DialogDescription>
          </DialogHeader>
          <form id="add-caller-form" onSubmit={save} className="space-y-4" noValidate>
            <Field name="name" label="Name" error={nameError}>
              {(control) => <Input {...control} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" autoFocus required maxLength={200} />}
            </Field>
            <Field name="phoneNumber" label="Phone number" hint="The number the call came from; it cannot be changed here.">
              {(control) => <Input {...control} value={phoneNumber} readOnly className="tabular-nums" />}
            </Field>
            {problem && !nameError ? (
              <FormAlert key={problem.attempt} focusOnMount>
                <p>{problem.detail}</p>
              </FormAlert>
            ) : null}
          </form>
          <DialogFooter>
            <Button variant="outline" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" form="add-caller-form" loading={saving}>
              Add to contacts
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </>
  );
}
