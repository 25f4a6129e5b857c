import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { Building2 } from "lucide-react";
import { authOptions } from "@/lib/auth/auth-options";
import { Card, CardContent } from "@/components/ui/card";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { lookupTenant } from "@/app/_lib/tenant";

export const metadata: Metadata = { title: "No clinic yet" };

/** Signed in, but a member of no organization: say so plainly and offer the way out. */
export default async function NoOrganizationPage() {
  const result = await lookupTenant();
  if (result.status === "signed-out") redirect("/login");
  if (result.status === "ok") redirect("/");
  const session = await getServerSession(authOptions);
  const email = session?.user?.email;

  return (
    <div className="w-full max-w-md">
      <Card>
        <CardContent className="p-8 text-center">
          <div className="mx-auto flex size-11 items-center justify-center rounded-full bg-amber-50 text-amber-700 ring-1 ring-amber-200">
            <Building2 className="size-5" aria-hidden="true" />
          </div>
          <h1 className="mt-4 text-lg font-semibold text-zinc-900">Your account has no clinic</h1>
          <p className="mt-2 text-sm leading-6 text-zinc-600">
            {email ? (
              <>
                <span className="font-medium text-zinc-800">{email}</span> is signed in but does not belong to any organization.
              </>
            ) : (
              "You are signed in but your account does not belong to any organization."
            )}{" "}
            Ask your clinic’s owner or an admin to add you, then sign in again.
          </p>
          <div className="mt-6 flex justify-center">
            <SignOutButton variant="outline" />
          </div>
        </CardContent>
      </Card>
    </div>
  );
}
