"use client";

import { useState } from "react";
import { Button, type ButtonProps } from "@/components/ui/button";
import { useSignOut } from "@/hooks/use-sign-out";

export function SignOutButton(props: Omit<ButtonProps, "onClick" | "loading">) {
  const signOut = useSignOut();
  const [pending, setPending] = useState(false);
  return (
    <Button
      {...props}
      loading={pending}
      onClick={async () => {
        setPending(true);
        await signOut();
      }}
    >
      Sign out
    </Button>
  );
}
