import { readFileSync } from "node:fs";

/**
 * A small checker for the JSON-Schema subset the ElevenLabs OpenAPI file uses: $ref, type
 * (object/array/string/integer/number/boolean/null), required, properties, additionalProperties,
 * items, enum, const, anyOf/oneOf (with discriminator), allOf. Enough to hold our requests and
 * the simulator's answers to the official description without a new dependency.
 */
type Schema = {
  $ref?: string;
  type?: string;
  required?: string[];
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  discriminator?: { propertyName: string; mapping?: Record<string, string> };
};

type Spec = { components: { schemas: Record<string, Schema> } };

// A copy of ../shared/elevenlabs-openapi.json kept in the repo so CI does not depend on files beside the clone.
const spec = JSON.parse(readFileSync(new URL("./fixtures/elevenlabs-openapi.json", import.meta.url), "utf8")) as Spec;

/** Every way `value` breaks the named component schema; empty when it conforms. */
export function openApiErrors(schemaName: string, value: unknown): string[] {
  const errors: string[] = [];
  check({ $ref: `#/components/schemas/${schemaName}` }, value, "$", errors);
  return errors;
}

function resolve(ref: string): Schema {
  const name = ref.replace("#/components/schemas/", "");
  const schema = spec.components.schemas[name];
  if (!schema) throw new Error(`Unknown schema ${ref}`);
  return schema;
}

function check(schema: Schema, value: unknown, path: string, errors: string[]): void {
  if (schema.$ref) check(resolve(schema.$ref), value, path, errors);
  for (const part of schema.allOf ?? []) check(part, value, path, errors);

  if (schema.anyOf && !schema.anyOf.some((option) => conforms(option, value, path))) {
    errors.push(`${path}: matches none of the allowed shapes (${firstErrors(schema.anyOf, value, path)})`);
  }
  if (schema.oneOf) {
    const discriminator = schema.discriminator;
    const tag = discriminator && isObject(value) ? value[discriminator.propertyName] : undefined;
    const mapped = typeof tag === "string" ? discriminator?.mapping?.[tag] : undefined;
    if (mapped) check({ $ref: mapped }, value, path, errors);
    else if (schema.oneOf.filter((option) => conforms(option, value, path)).length !== 1) {
      errors.push(`${path}: must match exactly one of the oneOf shapes`);
    }
  }
  if (schema.const !== undefined && value !== schema.const) errors.push(`${path}: must be ${JSON.stringify(schema.const)}`);
  if (schema.enum && !schema.enum.includes(value)) errors.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);

  switch (schema.type) {
    case undefined:
      return;
    case "object": {
      if (!isObject(value)) return void errors.push(`${path}: must be an object`);
      for (const key of schema.required ?? []) if (!(key in value)) errors.push(`${path}.${key}: is required`);
      for (const [key, child] of Object.entries(value)) {
        const property = schema.properties?.[key];
        if (property) check(property, child, `${path}.${key}`, errors);
        else if (typeof schema.additionalProperties === "object") check(schema.additionalProperties, child, `${path}.${key}`, errors);
      }
      return;
    }
    case "array":
      if (!Array.isArray(value)) return void errors.push(`${path}: must be an array`);
      value.forEach((item, index) => schema.items && check(schema.items, item, `${path}[${index}]`, errors));
      return;
    case "integer":
      if (!Number.isInteger(value)) errors.push(`${path}: must be an integer`);
      return;
    case "number":
      if (typeof value !== "number") errors.push(`${path}: must be a number`);
      return;
    case "null":
      if (value !== null) errors.push(`${path}: must be null`);
      return;
    default:
      if (typeof value !== schema.type) errors.push(`${path}: must be a ${schema.type}`);
  }
}

function conforms(schema: Schema, value: unknown, path: string): boolean {
  const errors: string[] = [];
  check(schema, value, path, errors);
  return errors.length === 0;
}

function firstErrors(options: Schema[], value: unknown, path: string): string {
  return options
    .map((option) => {
      const errors: string[] = [];
      check(option, value, path, errors);
      return errors[0];
    })
    .filter(Boolean)
    .join(" | ");
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
