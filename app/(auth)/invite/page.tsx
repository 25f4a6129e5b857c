import type { Metadata } from "next";
import { Card, CardContent } from "@/components/ui/card";
import { InviteAcceptance } from "@/components/auth/invite-acceptance";

export const metadata: Metadata = { title: "Invitation" };

// The token is in the link's fragment (/invite#…), which never reaches the server: the page reads it
// in the browser and asks the API about it.
export default function InvitePage() {
  return (
    <div className="w-full max-w-sm">
      <h1 className="text-xl font-semibold tracking-tight text-zinc-900">Join a clinic on Callboard</h1>
      <Card className="mt-6">
        <CardContent className="p-6">
          <InviteAcceptance />
        </CardContent>
      </Card>
    </div>
  );
}
