import Link from "next/link";
import { PhoneOff } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function CallNotFound() {
  return (
    <EmptyState
      icon={PhoneOff}
      title="Call not found"
      action={
        <Link href="/calls" className={buttonVariants({ variant: "outline" })}>
          Back to calls
        </Link>
      }
    >
      <p>
        There is no call at this address in your clinic. It may belong to another organization: switch to it from the header, or find the call in the call
        history.
      </p>
    </EmptyState>
  );
}
