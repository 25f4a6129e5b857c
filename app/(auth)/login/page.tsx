import type { Metadata } from "next";
import { Card, CardContent } from "@/components/ui/card";
import { LoginForm } from "@/components/auth/login-form";
import { redirectIfSignedIn } from "@/app/_lib/tenant";
import { safeCallbackPath } from "@/lib/auth/safe-callback-path";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await redirectIfSignedIn();
  const { callbackUrl } = await searchParams;
  return (
    <div className="w-full max-w-sm">
      <h1 className="text-xl font-semibold tracking-tight text-zinc-900">Sign in to Callboard</h1>
      <p className="mt-1 text-sm text-zinc-500">Welcome back. Use the email you signed up with.</p>
      <Card className="mt-6">
        <CardContent className="p-6">
          <LoginForm callbackUrl={safeCallbackPath(callbackUrl, process.env.NEXTAUTH_URL)} />
        </CardContent>
      </Card>
    </div>
  );
}
