import type { Metadata } from "next";
import { getCountries } from "libphonenumber-js";
import { Card, CardContent } from "@/components/ui/card";
import { SignupForm, type CountryOption } from "@/components/auth/signup-form";
import { redirectIfSignedIn } from "@/app/_lib/tenant";

export const metadata: Metadata = { title: "Create your account" };

/** The countries the server accepts (the phone-number library's list), named in English. */
function countryOptions(): CountryOption[] {
  const names = new Intl.DisplayNames(["en"], { type: "region" });
  return getCountries()
    .map((code) => ({ code, name: names.of(code) ?? code }))
    .sort((a, b) => a.name.localeCompare(b.name, "en"));
}

export default async function SignupPage() {
  await redirectIfSignedIn();
  return (
    <div className="w-full max-w-md">
      <h1 className="text-xl font-semibold tracking-tight text-zinc-900">Create your clinic’s account</h1>
      <p className="mt-1 text-sm text-zinc-500">You’ll be the owner of your clinic’s workspace.</p>
      <Card className="mt-6">
        <CardContent className="p-6">
          <SignupForm timeZones={Intl.supportedValuesOf("timeZone")} countries={countryOptions()} />
        </CardContent>
      </Card>
    </div>
  );
}
