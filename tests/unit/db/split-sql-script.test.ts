import { describe, expect, it } from "vitest";
import { splitSqlScript } from "../../../scripts/db/split-sql-script";

describe("splitSqlScript", () => {
  it("cuts at the semicolons that end statements", () => {
    expect(splitSqlScript("CREATE TABLE a (x int);\n\nDROP INDEX b;\nALTER TABLE a ADD y int")).toEqual([
      "CREATE TABLE a (x int)",
      "DROP INDEX b",
      "ALTER TABLE a ADD y int",
    ]);
  });

  it("keeps a dollar-quoted function body whole, with or without a tag", () => {
    const fn = "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$\nBEGIN\n  PERFORM 1;\n  RETURN 2;\nEND\n$$";
    const tagged = "CREATE FUNCTION g() RETURNS text LANGUAGE sql AS $body$ SELECT 'a;b' $body$";
    expect(splitSqlScript(`${fn};\n${tagged};`)).toEqual([fn, tagged]);
  });

  it("does not cut inside strings, quoted identifiers or comments, and drops comment-only pieces", () => {
    const script = [
      "-- a comment; with a semicolon",
      "INSERT INTO \"odd;name\" VALUES ('it''s; fine');",
      "/* block; /* nested; */ still; */ SELECT 1;",
      "-- trailing comment only",
    ].join("\n");
    expect(splitSqlScript(script)).toEqual([
      "-- a comment; with a semicolon\nINSERT INTO \"odd;name\" VALUES ('it''s; fine')",
      "/* block; /* nested; */ still; */ SELECT 1",
    ]);
  });

  it("does not take a positional parameter or a dollar inside a word for a quote", () => {
    expect(splitSqlScript("SELECT $1; SELECT a$b$c FROM t; SELECT 2")).toEqual(["SELECT $1", "SELECT a$b$c FROM t", "SELECT 2"]);
  });
});
