import type { Metadata } from "next";
import Link from "next/link";
import { PhoneCall } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/dashboard/page-header";
import { requireTenant } from "@/app/_lib/tenant";

export const metadata: Metadata = { title: "Calls" };

export default async function CallsPage() {
  const { organization } = await requireTenant();
  return (
    <>
      <PageHeader title="Calls" description={`Every call the voice agent places for ${organization.name}.`} />
      <EmptyState icon={PhoneCall} title="Call history isn’t available yet" action={<Link href="/scheduling" className={buttonVariants({ variant: "outline" })}>Go to scheduling</Link>}>
        <p>
          Once calls are placed, each one will appear here with who was called, when, how long it lasted, how it ended and what was said. Calls are placed
          from Scheduling.
        </p>
        <p className="mt-3">
          <Badge>Coming soon</Badge>
        </p>
      </EmptyState>
    </>
  );
}
