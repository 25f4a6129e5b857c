import { z } from "zod";

export const CONTACT_PAGE_SIZE_MAX = 100;

export const listContactsQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  sort: z.enum(["name", "created"]).default("name"),
  limit: z.coerce.number().int().min(1).max(CONTACT_PAGE_SIZE_MAX).default(50),
  cursor: z.string().max(500).optional(),
});
export type ListContactsQuery = z.infer<typeof listContactsQuerySchema>;
