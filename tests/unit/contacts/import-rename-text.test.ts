import { describe, expect, it } from "vitest";
import { moreRenames, renameLine, renamesHeading } from "@/components/contacts/import/rename-text";

describe("the import check step's rename list", () => {
  it("says how many existing contacts will be renamed, singular and plural", () => {
    expect(renamesHeading(1)).toBe("1 existing contact will be renamed");
    expect(renamesHeading(3)).toBe("3 existing contacts will be renamed");
    expect(renamesHeading(12_345)).toBe("12,345 existing contacts will be renamed");
  });

  it("shows each as old name → new name with the row and the number", () => {
    expect(renameLine({ from: "Jane Citizen", to: "Jane Smith", row: 14, phoneDisplay: "0491 570 156" })).toBe(
      "Jane Citizen → Jane Smith (row 14, 0491 570 156)",
    );
    expect(renameLine({ from: "A", to: "B", row: 10_002, phoneDisplay: "+1 415 555 2671" })).toBe("A → B (row 10,002, +1 415 555 2671)");
  });

  it("counts the ones past the list, and says nothing when all are listed", () => {
    expect(moreRenames(37, 20)).toBe("and 17 more");
    expect(moreRenames(20, 20)).toBeNull();
    expect(moreRenames(3, 3)).toBeNull();
  });
});
