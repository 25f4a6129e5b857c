"use client";

import { useEffect, useState, type FormEvent } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn, signOut } from "next-auth/react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/forms/field";
import { fieldErrorsOf } from "@/components/forms/problem";
import { FormAlert } from "@/components/auth/form-alert";
import { PasswordInput } from "@/components/auth/password-input";
import { roleLabel } from "@/components/dashboard/role";
import { sendJson } from "@/components/settings/send-json";
import { LOCKED_OUT_MESSAGE, SIGN_IN_RATE_LIMITED } from "@/lib/auth/lockout-message";

interface Preview {
  organizationName: string;
  email: string;
  role: string;
  accountExists: boolean;
  signedInEmail: string | null;
}

type State = { status: "loading" } | { status: "error"; message: string } | { status: "ready"; token: string; preview: Preview };

/**
 * Accepting an invitation: signed in as the invited email → one button; an account exists → its
 * password; no account yet → name and password create it. Then straight into the clinic.
 */
export function InviteAcceptance() {
  const router = useRouter();
  const [state, setState] = useState<State>({ status: "loading" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    const token = window.location.hash.slice(1);
    if (!token) {
      // Reading the fragment is only possible after mount; the first render shows "loading".
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setState({ status: "error", message: "This page needs the whole invitation link. Open the link you were sent again." });
      return;
    }
    void sendJson<Preview>("/api/invitations/preview", "POST", { token }).then((result) =>
      setState(
        result.ok ? { status: "ready", token, preview: result.data } : { status: "error", message: result.problem.detail ?? "This invitation cannot be used." },
      ),
    );
  }, []);

  if (state.status === "loading") return <p className="text-sm text-zinc-600">Opening your invitation…</p>;
  if (state.status === "error") return <FormAlert>{state.message}</FormAlert>;
  const { token, preview } = state;

  async function accept() {
    const result = await sendJson<{ organizationName: string }>("/api/invitations/accept", "POST", { token });
    if (!result.ok) {
      setFormError(result.problem.detail ?? "The invitation could not be accepted.");
      setPending(false);
      return;
    }
    toast.success(`Welcome to ${result.data.organizationName}`);
    router.replace("/");
    router.refresh();
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password") ?? "");
    setPending(true);
    setFormError(null);
    setErrors({});
    if (preview.signedInEmail === preview.email) return accept();
    if (!preview.accountExists) {
      const created = await sendJson("/api/invitations/sign-up", "POST", { token, name: String(form.get("name") ?? ""), password });
      if (!created.ok) {
        setErrors(fieldErrorsOf(created.problem));
        setFormError(created.problem.detail ?? "The account could not be created.");
        setPending(false);
        return;
      }
      await signIn("credentials", { email: preview.email, password, redirect: false });
      toast.success(`Welcome to ${preview.organizationName}`);
      router.replace("/");
      router.refresh();
      return;
    }
    const result = await signIn("credentials", { email: preview.email, password, redirect: false });
    if (!result?.ok || result.error) {
      setFormError(result?.error === SIGN_IN_RATE_LIMITED ? LOCKED_OUT_MESSAGE : "Invalid email or password.");
      setPending(false);
      return;
    }
    return accept();
  }

  const wrongAccount = preview.signedInEmail !== null && preview.signedInEmail !== preview.email;
  return (
    <div className="space-y-5">
      <p className="text-sm text-zinc-700">
        You are invited to <span className="font-medium text-zinc-900">{preview.organizationName}</span> as {roleLabel(preview.role)}, with{" "}
        <span className="font-medium">{preview.email}</span>.
      </p>
      {formError ? <FormAlert key={formError}>{formError}</FormAlert> : null}
      {wrongAccount ? (
        <div className="space-y-3 text-sm">
          <p>
            You are signed in as {preview.signedInEmail}. Sign out, then open the link again to accept it as {preview.email}.
          </p>
          <Button variant="outline" onClick={() => void signOut({ redirect: false }).then(() => window.location.reload())}>
            Sign out
          </Button>
        </div>
      ) : (
        <form method="post" action="/invite" onSubmit={submit} className="space-y-4" noValidate>
          {preview.signedInEmail === preview.email ? null : preview.accountExists ? (
            <Field name="password" label="Your password" error={errors.password}>
              {(p) => <PasswordInput {...p} autoComplete="current-password" required />}
            </Field>
          ) : (
            <>
              <Field name="name" label="Your name" error={errors.name}>
                {(p) => <Input {...p} autoComplete="name" required />}
              </Field>
              <Field name="password" label="Choose a password" error={errors.password} hint="At least 8 characters.">
                {(p) => <PasswordInput {...p} autoComplete="new-password" required minLength={8} />}
              </Field>
            </>
          )}
          <Button type="submit" className="w-full" loading={pending}>
            {preview.accountExists || preview.signedInEmail === preview.email ? "Accept invitation" : "Create account and join"}
          </Button>
        </form>
      )}
      <p className="text-center text-xs text-zinc-500">
        Not expecting this?{" "}
        <Link href="/login" className="underline underline-offset-4">
          Go to sign in
        </Link>
      </p>
    </div>
  );
}
