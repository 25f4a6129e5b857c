import type { Metadata } from "next";
import Link from "next/link";
import { Users } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/dashboard/page-header";
import { requireTenant } from "@/app/_lib/tenant";

export const metadata: Metadata = { title: "Contacts" };

export default async function ContactsPage() {
  const { organization } = await requireTenant();
  return (
    <>
      <PageHeader title="Contacts" description={`The patients ${organization.name} can call.`} />
      <EmptyState icon={Users} title="The contacts list isn’t available yet" action={<Link href="/settings" className={buttonVariants({ variant: "outline" })}>Check your clinic’s country</Link>}>
        <p>
          This page will list your patients with their phone numbers, let you import them from a CSV file and choose who the voice agent should call.
          Numbers are read using your clinic’s country, so make sure it is right in the meantime.
        </p>
        <p className="mt-3">
          <Badge>Coming soon</Badge>
        </p>
      </EmptyState>
    </>
  );
}
