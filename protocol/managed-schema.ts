import { z } from 'zod';
import { Policy } from './policy';

/**
 * `storage.managed_schema` for Chrome, generated from the zod Policy schema so the two never drift.
 *
 * Chrome understands a small JSON Schema dialect (type, properties, items, enum, minimum, maximum,
 * pattern, required, $ref) and every node needs a `type`. Chrome DROPS a policy value that fails
 * the schema before the extension can see it (seen with Chromium 156: a wrong type, an unknown
 * key, and a whole list when one entry has a wrong type). So only the shape (types, properties,
 * items) goes to Chrome: a value of the right type but wrong content ("blok", 5000, a javascript:
 * address, an over-long text, a bad extraRules host) reaches the extension, which ignores it for
 * that key (or entry) only and names it in the popup. A value of the wrong type never arrives;
 * chrome://policy shows it as an error.
 */
export type ChromeSchema = {
  type: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  description?: string;
  properties?: Record<string, ChromeSchema>;
  items?: ChromeSchema;
};

type JsonSchemaNode = {
  type?: string;
  properties?: Record<string, JsonSchemaNode>;
  items?: JsonSchemaNode;
  anyOf?: JsonSchemaNode[];
  oneOf?: JsonSchemaNode[];
  description?: string;
};

function reshape(node: JsonSchemaNode, where: string): ChromeSchema {
  const branches = node.anyOf ?? node.oneOf;
  if (branches) {
    const types = new Set(branches.map((branch) => reshape(branch, where).type));
    const [only] = types;
    if (types.size !== 1 || only === 'object' || only === 'array' || only === undefined) {
      throw new Error(`managed schema: ${where} is a union Chrome cannot express`);
    }
    return { type: only };
  }
  switch (node.type) {
    case 'object': {
      const properties: Record<string, ChromeSchema> = {};
      for (const [key, child] of Object.entries(node.properties ?? {})) properties[key] = reshape(child, `${where}.${key}`);
      return { type: 'object', properties };
    }
    case 'array':
      if (!node.items) throw new Error(`managed schema: ${where} has no item type`);
      return { type: 'array', items: reshape(node.items, `${where}[]`) };
    case 'string':
    case 'integer':
    case 'number':
    case 'boolean':
      return { type: node.type };
    default:
      throw new Error(`managed schema: ${where} has type ${String(node.type)}, which Chrome cannot express`);
  }
}

export function managedSchema(): ChromeSchema {
  const generated = z.toJSONSchema(Policy, { io: 'input', target: 'draft-7' }) as JsonSchemaNode;
  return reshape(generated, 'Policy');
}
