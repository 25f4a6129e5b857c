"use client";

import { LogOut, MonitorX } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { useSignOut } from "@/hooks/use-sign-out";
import { useSignOutEverywhere } from "@/hooks/use-sign-out-everywhere";

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "") + (parts.length > 1 ? (parts.at(-1)?.[0] ?? "") : "")).toUpperCase() || "?";
}

/** Who is signed in, in which role here, and the way out. */
export function UserMenu({ name, email, role }: { name: string; email: string; role: string }) {
  const signOut = useSignOut();
  const signOutEverywhere = useSignOutEverywhere();
  return (
    <DropdownMenu>
      <DropdownMenuTrigger className="flex items-center gap-2 rounded-full p-0.5 text-sm hover:bg-zinc-100 data-[state=open]:bg-zinc-100 sm:rounded-md sm:py-1 sm:pr-2 sm:pl-1">
        <span aria-hidden="true" className="flex size-7 items-center justify-center rounded-full bg-zinc-800 text-xs font-semibold text-white">
          {initials(name)}
        </span>
        <span className="hidden max-w-40 truncate font-medium text-zinc-800 sm:inline">{name}</span>
        <span className="sr-only">Account menu</span>
      </DropdownMenuTrigger>
      <DropdownMenuContent className="w-64">
        <DropdownMenuLabel className="font-normal">
          <span className="block truncate text-sm font-medium text-zinc-900">{name}</span>
          <span className="block truncate text-xs text-zinc-500">{email}</span>
          <Badge className="mt-2" variant="brand">
            {role}
          </Badge>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem onSelect={() => void signOut()}>
          <LogOut aria-hidden="true" className="text-zinc-500" />
          Sign out
        </DropdownMenuItem>
        <DropdownMenuItem onSelect={() => void signOutEverywhere()}>
          <MonitorX aria-hidden="true" className="text-zinc-500" />
          Sign out everywhere
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
