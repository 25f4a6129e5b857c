import { Skeleton } from "@/components/ui/skeleton";

// The overview's own skeleton, in a route group so it wraps only "/": a loading boundary above
// another page would start streaming before that page could answer 404 (a call of another clinic).

export default function OverviewLoading() {
  return (
    <div role="status" aria-label="Loading">
      <Skeleton className="h-7 w-64" />
      <Skeleton className="mt-2 h-4 w-80" />
      <div className="mt-8 grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} className="h-28" />
        ))}
      </div>
      <Skeleton className="mt-6 h-56" />
    </div>
  );
}
