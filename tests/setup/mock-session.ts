import { beforeEach, vi } from "vitest";
import { testSession } from "../integration/helpers/session";

vi.mock("next-auth", async (importOriginal) => {
  const actual = await importOriginal<typeof import("next-auth")>();
  return { ...actual, getServerSession: vi.fn(async () => testSession.current) };
});

beforeEach(() => {
  testSession.current = null;
});
