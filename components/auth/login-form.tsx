"use client";

import { useState, type FormEvent } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { FormAlert } from "@/components/auth/form-alert";
import { PasswordInput } from "@/components/auth/password-input";
import { LOCKED_OUT_MESSAGE, SIGN_IN_RATE_LIMITED } from "@/lib/auth/lockout-message";

const INVALID = "Invalid email or password.";

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  // A new attempt number remounts the alert, so a repeated message is announced again.
  const [error, setError] = useState<{ attempt: number; message: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", {
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        redirect: false,
      });
      if (!result?.ok || result.error) {
        // One message whatever the cause, so the form never reveals which emails have accounts.
        const message =
          result?.error === SIGN_IN_RATE_LIMITED
            ? LOCKED_OUT_MESSAGE
            : result && result.status >= 500
              ? "We couldn't sign you in just now. Try again in a moment."
              : INVALID;
        setError({ attempt: Date.now(), message });
        setPending(false);
        return;
      }
      router.replace(callbackUrl);
      router.refresh();
    } catch {
      setError({ attempt: Date.now(), message: "We couldn't reach Callboard. Check your connection and try again." });
      setPending(false);
    }
  }

  return (
    // method="post" with an action: a submit before hydration posts to this page instead of putting
    // the email and password in the URL (browser history, server logs); nothing is read from it.
    <form method="post" action="/login" onSubmit={onSubmit} className="space-y-5" noValidate>
      {error ? <FormAlert key={error.attempt}>{error.message}</FormAlert> : null}
      <div>
        <Label htmlFor="email">Email</Label>
        <Input id="email" name="email" type="email" autoComplete="email" required autoFocus className="mt-1.5" />
      </div>
      <div>
        <Label htmlFor="password">Password</Label>
        <div className="mt-1.5">
          <PasswordInput id="password" name="password" autoComplete="current-password" required />
        </div>
      </div>
      <Button type="submit" className="w-full" loading={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
      <p className="text-center text-sm text-zinc-600">
        New to Callboard?{" "}
        <Link href="/signup" className="font-medium text-brand-700 underline-offset-4 hover:underline">
          Create an account
        </Link>
      </p>
    </form>
  );
}
